/* jm-mermaid.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-interop"

#include "config.h"

#include "jm-mermaid.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "commands/jm-edit.h"
#include "format/jm-xml-names.h"
#include "interop/jm-interop.h"

/* Reads what Mermaid reads, the way its journey grammar does: the same
 * tokens tried in the same order at each place, so that a diagram imports
 * as Mermaid draws it. Where Mermaid reads something other than what was
 * probably meant, the import says so in a note; where Mermaid refuses a
 * diagram, so does the import. */

/* Written before a name that Mermaid would otherwise read as a keyword,
 * and in place of an empty name; invisible, and dropped again on import. */
#define ZERO_WIDTH_SPACE "\xe2\x80\x8b"

typedef struct
{
  char      *name;
  guint      line;
  gboolean   has_score;
  double     score;     /* Mermaid's 1..5 */
  GPtrArray *actors;    /* (element-type utf8): non-empty, in their order */
} Task;

typedef struct
{
  char      *name;
  GPtrArray *tasks;
} Section;

typedef struct
{
  const char *filename;
  GPtrArray  *notes;
  char       *title;
  char       *description;
  GPtrArray  *sections;
} Journey;

static void
task_free (gpointer data)
{
  Task *task = data;

  g_free (task->name);
  g_ptr_array_unref (task->actors);
  g_free (task);
}

static void
section_free (gpointer data)
{
  Section *section = data;

  g_free (section->name);
  g_ptr_array_unref (section->tasks);
  g_free (section);
}

static Section *
section_new (const char *name)
{
  Section *section = g_new0 (Section, 1);

  section->name = g_strdup (name);
  section->tasks = g_ptr_array_new_with_free_func (task_free);
  return section;
}

static void
journey_clear (Journey *journey)
{
  g_clear_pointer (&journey->title, g_free);
  g_clear_pointer (&journey->description, g_free);
  g_clear_pointer (&journey->sections, g_ptr_array_unref);
}

G_GNUC_PRINTF (3, 4)
static void
journey_note (Journey    *journey,
              guint       line,
              const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (journey->notes == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (journey->notes, g_strdup_printf ("%s:%u: %s", journey->filename, line, message));
}

G_GNUC_PRINTF (4, 5)
static gboolean
journey_fail (Journey     *journey,
              guint        line,
              GError     **error,
              const char  *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, JM_INTEROP_ERROR, JM_INTEROP_ERROR_SYNTAX, "%s:%u: %s",
               journey->filename, line, message);
  return FALSE;
}

/* Text {{{ */

/* JavaScript's \s, as far as a journey's text uses it. */
static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static gboolean
is_word (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* Replaces @start..@end by spaces but keeps its line breaks, so that what
 * Mermaid strips before parsing leaves every line where it was. */
static void
blank (char  *text,
       gsize  start,
       gsize  end)
{
  for (gsize i = start; i < end; i++)
    {
      if (text[i] != '\n')
        text[i] = ' ';
    }
}

static char *
strip_dup (const char *start,
           gsize       length)
{
  char *text = g_strndup (start, length);

  return g_strstrip (text);
}

/* JavaScript's Number(text): %FALSE where it gives NaN. */
static gboolean
js_number (const char *text,
           double     *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  const char *p = copy;
  char *end = NULL;
  int base = 0;

  if (*p == '\0')
    {
      *value = 0;
      return TRUE;
    }

  if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
    base = 16;
  else if (p[0] == '0' && (p[1] == 'o' || p[1] == 'O'))
    base = 8;
  else if (p[0] == '0' && (p[1] == 'b' || p[1] == 'B'))
    base = 2;
  if (base != 0)
    {
      guint64 number = 0;

      if (!g_ascii_string_to_unsigned (p + 2, base, 0, G_MAXUINT64, &number, NULL))
        return FALSE;
      *value = (double) number;
      return TRUE;
    }

  {
    const char *q = p;

    if (*q == '+' || *q == '-')
      q++;
    if (g_str_equal (q, "Infinity"))
      {
        *value = *p == '-' ? -INFINITY : INFINITY;
        return TRUE;
      }
    /* Only decimal literals: strtod would take "nan", "inf" and hex floats. */
    for (const char *c = q; *c != '\0'; c++)
      {
        if (!(g_ascii_isdigit (*c) || *c == '.' || *c == 'e' || *c == 'E' || *c == '+' || *c == '-'))
          return FALSE;
      }
    if (!(g_ascii_isdigit (q[0]) || (q[0] == '.' && g_ascii_isdigit (q[1]))))
      return FALSE;
  }

  *value = g_ascii_strtod (p, &end);
  return end != p && *end == '\0';
}

/* }}} */

/* Before parsing {{{ */

/* What Mermaid does to a diagram before its parser sees it: line breaks
 * made \n, front matter read (its title) and taken away, directives
 * (%%{init: …}%%) taken away. */
static void
preprocess (Journey  *journey,
            GString  *text,
            char    **front_title)
{
  g_autoptr(GRegex) front_matter = NULL;
  g_autoptr(GRegex) directive = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  gsize out = 0;

  for (gsize i = 0; i < text->len; i++)
    {
      if (text->str[i] == '\r')
        {
          if (i + 1 < text->len && text->str[i + 1] == '\n')
            continue;
          text->str[out++] = '\n';
        }
      else
        text->str[out++] = text->str[i];
    }
  g_string_truncate (text, out);

  front_matter = g_regex_new ("^-{3}\\s*[\\n\\r](.*?)[\\n\\r]-{3}\\s*[\\n\\r]+",
                              G_REGEX_DOTALL, 0, NULL);
  if (g_regex_match (front_matter, text->str, 0, &match))
    {
      g_autofree char *yaml = g_match_info_fetch (match, 1);
      g_auto(GStrv) lines = g_strsplit (yaml, "\n", -1);
      int start, end;

      /* Front matter is YAML; of it a journey uses only the top-level title. */
      for (guint i = 0; lines[i] != NULL; i++)
        {
          if (g_str_has_prefix (lines[i], "title:"))
            {
              char *value = g_strstrip (g_strdup (lines[i] + strlen ("title:")));
              gsize length = strlen (value);

              if (length >= 2 && (value[0] == '"' || value[0] == '\'') && value[length - 1] == value[0])
                {
                  value[length - 1] = '\0';
                  memmove (value, value + 1, length - 1);
                }
              g_free (*front_title);
              *front_title = value;
            }
        }
      g_match_info_fetch_pos (match, 0, &start, &end);
      blank (text->str, start, end);
    }
  g_clear_pointer (&match, g_match_info_unref);

  directive = g_regex_new ("%{2}{\\s*(?:(\\w+)\\s*:|(\\w+))\\s*(?:(\\w+)|((?:(?!}%{2}).|\\r?\\n)*))?"
                           "\\s*(?:}%{2})?",
                           G_REGEX_CASELESS, 0, NULL);
  g_regex_match (directive, text->str, 0, &match);
  while (g_match_info_matches (match))
    {
      int start, end;

      g_match_info_fetch_pos (match, 0, &start, &end);
      blank (text->str, start, end);
      g_match_info_next (match, NULL);
    }

  (void) journey;
}

/* Mermaid's detector: after comment lines, the text starts with
 * "journey". Returns the line where it does (counting from @first_line,
 * at least 1), or 0 with the first word found instead in @found. */
static guint
detect (const char  *text,
        guint        first_line,
        char       **found,
        guint       *found_line)
{
  const char *p = text;
  guint line = first_line;

  for (;;)
    {
      while (is_space (*p))
        {
          if (*p == '\n')
            line++;
          p++;
        }
      if (p[0] == '%' && p[1] == '%' && p[2] != '{')
        {
          while (*p != '\0' && *p != '\n')
            p++;
          continue;
        }
      break;
    }

  if (strncmp (p, "journey", strlen ("journey")) == 0)
    return line;

  if (found != NULL)
    {
      const char *end = p;

      while (*end != '\0' && *end != '\n' && end - p < 40)
        end = g_utf8_next_char (end);
      *found = g_strndup (p, end - p);
      *found_line = line;
    }
  return 0;
}

/* }}} */

/* The lexer {{{ */

typedef enum
{
  TOKEN_EOF,
  TOKEN_NEWLINE,
  TOKEN_JOURNEY,
  TOKEN_TITLE,
  TOKEN_ACC_TITLE,
  TOKEN_ACC_DESCR,
  TOKEN_ACC_DESCR_BLOCK,
  TOKEN_SECTION,
  TOKEN_TASK_NAME,
  TOKEN_TASK_DATA,
  TOKEN_COLON,
  TOKEN_INVALID,
} TokenKind;

typedef struct
{
  const char *text;
  gsize       pos;
  guint       line;     /* of pos */
} Lexer;

typedef struct
{
  TokenKind   kind;
  guint       line;
  const char *start;    /* the value, as the grammar's action takes it */
  gsize       length;
  gboolean    cut;      /* a # comment follows on its line */
} Token;

static void
lexer_advance (Lexer *lexer,
               gsize  to)
{
  for (gsize i = lexer->pos; i < to; i++)
    {
      if (lexer->text[i] == '\n')
        lexer->line++;
    }
  lexer->pos = to;
}

static gsize
span_not (const char *text,
          gsize       pos,
          const char *stop)
{
  while (text[pos] != '\0' && strchr (stop, text[pos]) == NULL)
    pos++;
  return pos;
}

static gboolean
starts_with_ci (const char *text,
                const char *word)
{
  return g_ascii_strncasecmp (text, word, strlen (word)) == 0;
}

/* After "accTitle" or "accDescr": the blanks, then @mark, then blanks. */
static gsize
match_acc (const char *text,
           gsize       pos,
           const char *word,
           char        mark)
{
  if (!starts_with_ci (text + pos, word))
    return 0;
  pos += strlen (word);
  while (is_space (text[pos]))
    pos++;
  if (text[pos] != mark)
    return 0;
  pos++;
  while (is_space (text[pos]))
    pos++;
  return pos;
}

static void
lexer_next (Lexer *lexer,
            Token *token)
{
  const char *text = lexer->text;

  for (;;)
    {
      gsize p = lexer->pos, end;
      const char *s = text + p;

      memset (token, 0, sizeof *token);
      token->line = lexer->line;

      if (*s == '\0')
        {
          token->kind = TOKEN_EOF;
          return;
        }

      /* %% comments, also right after any character but "}" */
      if ((s[0] == '%' && s[1] == '%' && s[2] != '{') ||
          (s[0] != '}' && s[1] == '%' && s[2] == '%'))
        {
          lexer_advance (lexer, span_not (text, p + (s[0] == '%' ? 2 : 3), "\n"));
          continue;
        }
      if (s[0] == '\n')
        {
          for (end = p; text[end] == '\n'; end++)
            ;
          lexer_advance (lexer, end);
          token->kind = TOKEN_NEWLINE;
          return;
        }
      if (is_space (s[0]))
        {
          for (end = p; is_space (text[end]); end++)
            ;
          lexer_advance (lexer, end);
          continue;
        }
      if (s[0] == '#')
        {
          lexer_advance (lexer, span_not (text, p, "\n"));
          continue;
        }

      if (starts_with_ci (s, "journey") && !is_word (s[7]))
        {
          token->kind = TOKEN_JOURNEY;
          lexer_advance (lexer, p + 7);
          return;
        }
      if (starts_with_ci (s, "title") && is_space (s[5]) && s[6] != '\0' && strchr ("#\n;", s[6]) == NULL)
        {
          end = span_not (text, p + 6, "#\n;");
          token->kind = TOKEN_TITLE;
          token->start = s + 6;
          token->length = end - p - 6;
          token->cut = text[end] == '#';
          lexer_advance (lexer, end);
          return;
        }
      if ((end = match_acc (text, p, "accTitle", ':')) != 0 ||
          (end = match_acc (text, p, "accDescr", ':')) != 0)
        {
          gsize value_end = span_not (text, end, "\n");

          token->kind = g_ascii_strncasecmp (s, "accTitle", 8) == 0 ? TOKEN_ACC_TITLE : TOKEN_ACC_DESCR;
          token->start = text + end;
          token->length = value_end - end;
          lexer_advance (lexer, value_end);
          return;
        }
      if ((end = match_acc (text, p, "accDescr", '{')) != 0)
        {
          gsize value_end = span_not (text, end, "}");

          lexer_advance (lexer, text[value_end] == '}' ? value_end + 1 : value_end);
          if (value_end == end)
            continue;
          token->kind = TOKEN_ACC_DESCR_BLOCK;
          token->start = text + end;
          token->length = value_end - end;
          return;
        }
      if (starts_with_ci (s, "section") && is_space (s[7]) && s[8] != '\0' &&
          strchr ("#:\n;", s[8]) == NULL)
        {
          end = span_not (text, p + 8, "#:\n;");
          token->kind = TOKEN_SECTION;
          token->start = s + 8;
          token->length = end - p - 8;
          token->cut = text[end] == '#';
          lexer_advance (lexer, end);
          return;
        }
      if (strchr ("#:\n;", s[0]) == NULL)
        {
          end = span_not (text, p, "#:\n;");
          token->kind = TOKEN_TASK_NAME;
          token->start = s;
          token->length = end - p;
          lexer_advance (lexer, end);
          return;
        }
      if (s[0] == ':' && s[1] != '\0' && strchr ("#\n;", s[1]) == NULL)
        {
          end = span_not (text, p + 1, "#\n;");
          token->kind = TOKEN_TASK_DATA;
          token->start = s + 1;
          token->length = end - p - 1;
          token->cut = text[end] == '#';
          lexer_advance (lexer, end);
          return;
        }

      token->kind = s[0] == ':' ? TOKEN_COLON : TOKEN_INVALID;
      token->start = s;
      token->length = 1;
      lexer_advance (lexer, p + 1);
      return;
    }
}

/* }}} */

/* The grammar {{{ */

static Section *
current_section (Journey *journey)
{
  /* Tasks before any section belong to one without a name. */
  if (journey->sections->len == 0)
    g_ptr_array_add (journey->sections, section_new (""));

  return g_ptr_array_index (journey->sections, journey->sections->len - 1);
}

static char *
task_name (const char *start,
           gsize       length)
{
  char *name = strip_dup (start, length);

  if (g_str_has_prefix (name, ZERO_WIDTH_SPACE))
    memmove (name, name + strlen (ZERO_WIDTH_SPACE), strlen (name) - strlen (ZERO_WIDTH_SPACE) + 1);
  return name;
}

/* journeyDb's addTask: the data split at every colon, the score the
 * first piece as a JavaScript number, the actors the second piece split
 * at commas. */
static void
add_task (Journey     *journey,
          const Token *name_token,
          const Token *data_token)
{
  g_autofree char *data = g_strndup (data_token->start, data_token->length);
  g_auto(GStrv) pieces = g_strsplit (data, ":", -1);
  Task *task = g_new0 (Task, 1);
  double score = 0;

  task->name = task_name (name_token->start, name_token->length);
  task->line = name_token->line;
  task->actors = g_ptr_array_new_with_free_func (g_free);

  if (g_strv_length (pieces) > 2)
    {
      g_autofree char *score_text = g_strstrip (g_strdup (pieces[0]));
      g_autofree char *actors_text = g_strstrip (g_strdup (pieces[1]));

      /* Translators: Mermaid reads "Task: name: 5: Me" as the task
       * "Task" with the score "name" and the actor "5". */
      journey_note (journey, data_token->line,
                    _("a colon too many: Mermaid reads the task “%s” with the score “%s” and the "
                      "actors “%s”, and leaves out what follows the third colon"),
                    task->name, score_text, actors_text);
    }

  if (pieces[1] != NULL)
    {
      g_auto(GStrv) actors = g_strsplit (pieces[1], ",", -1);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; actors[i] != NULL; i++)
        {
          char *actor = g_strstrip (actors[i]);

          /* "Task: 5:" has one empty actor for Mermaid, who draws none. */
          if (*actor != '\0' && g_hash_table_add (seen, actor))
            g_ptr_array_add (task->actors, g_strdup (actor));
        }
    }

  if (data_token->cut)
    journey_note (journey, data_token->line,
                  _("“#” starts a comment in Mermaid: the rest of the line is left out"));

  if (!js_number (pieces[0], &score))
    {
      g_autofree char *score_text = g_strstrip (g_strdup (pieces[0]));

      journey_note (journey, data_token->line,
                    _("the score “%s” is not a number: Mermaid draws no face for it, and the task "
                      "gets no point on the curve"), score_text);
    }
  else
    {
      task->has_score = TRUE;
      task->score = CLAMP (score, 1.0, 5.0);
      if (task->score != score)
        {
          char number[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (number, sizeof number, "%g", score);
          journey_note (journey, data_token->line,
                        _("the score %s is outside 1 to 5, where Mermaid draws its faces; it is "
                          "kept as %d"), number, (int) task->score);
        }
    }

  g_ptr_array_add (current_section (journey)->tasks, task);
}

static char *
describe_token (const Token *token)
{
  return strip_dup (token->start, token->length);
}

static gboolean
fail_invalid (Journey      *journey,
              const Token  *token,
              GError      **error)
{
  if (*token->start == ';')
    return journey_fail (journey, token->line, error, _("Mermaid refuses “;” in a journey diagram"));

  return journey_fail (journey, token->line, error,
                       _("Mermaid refuses this character in a journey diagram"));
}

static gboolean
parse (Journey     *journey,
       const char  *text,
       guint        first_line,
       GError     **error)
{
  Lexer lexer = { text, 0, first_line };
  Token token, next;

  lexer_next (&lexer, &token);
  while (token.kind == TOKEN_NEWLINE)
    lexer_next (&lexer, &token);
  if (token.kind != TOKEN_JOURNEY)
    return journey_fail (journey, token.line, error,
                         _("a journey diagram starts with “journey”"));

  for (;;)
    {
      g_autofree char *value = NULL;

      lexer_next (&lexer, &token);
      switch (token.kind)
        {
        case TOKEN_EOF:
          return TRUE;

        case TOKEN_NEWLINE:
        case TOKEN_ACC_TITLE:
          /* The accessible title has no place in a map; the title has. */
          break;

        case TOKEN_TITLE:
          g_free (journey->title);
          journey->title = describe_token (&token);
          if (token.cut)
            journey_note (journey, token.line,
                          _("“#” starts a comment in Mermaid: the rest of the line is left out"));
          break;

        case TOKEN_ACC_DESCR:
          g_free (journey->description);
          journey->description = describe_token (&token);
          break;

        case TOKEN_ACC_DESCR_BLOCK:
          {
            g_autofree char *block = describe_token (&token);
            GString *joined = g_string_new (NULL);

            /* As Mermaid keeps it: each line without its indentation. */
            for (const char *p = block; *p != '\0'; p++)
              {
                g_string_append_c (joined, *p);
                if (*p == '\n')
                  {
                    while (is_space (p[1]))
                      p++;
                  }
              }
            g_free (journey->description);
            journey->description = g_string_free (joined, FALSE);
          }
          break;

        case TOKEN_SECTION:
          value = task_name (token.start, token.length);
          g_ptr_array_add (journey->sections, section_new (value));
          if (token.cut)
            journey_note (journey, token.line,
                          _("“#” starts a comment in Mermaid: the rest of the line is left out"));
          break;

        case TOKEN_TASK_NAME:
          lexer_next (&lexer, &next);
          value = describe_token (&token);
          if (next.kind == TOKEN_TASK_DATA)
            {
              add_task (journey, &token, &next);
              break;
            }
          if (next.kind == TOKEN_INVALID)
            return fail_invalid (journey, &next, error);
          if (next.kind == TOKEN_COLON)
            return journey_fail (journey, next.line, error,
                                 _("the task “%s” has nothing after its colon; Mermaid needs "
                                   "“task: score: actors”"), value);
          return journey_fail (journey, token.line, error,
                               _("“%s” has no colon; Mermaid reads it as a task and needs "
                                 "“task: score: actors”"), value);

        case TOKEN_TASK_DATA:
        case TOKEN_COLON:
          return journey_fail (journey, token.line, error,
                               _("a colon without a task name before it"));

        case TOKEN_JOURNEY:
          return journey_fail (journey, token.line, error,
                               _("“journey” again; Mermaid allows it only at the start"));

        case TOKEN_INVALID:
        default:
          return fail_invalid (journey, &token, error);
        }
    }
}

/* One diagram, from its text and the line of the file it starts at. */
static gboolean
read_diagram (Journey     *journey,
              const char  *source,
              gsize        length,
              guint        first_line,
              GError     **error)
{
  g_autoptr(GString) text = g_string_new_len (source, length);
  g_autofree char *front_title = NULL;
  g_autofree char *found = NULL;
  guint found_line = first_line;

  preprocess (journey, text, &front_title);
  if (detect (text->str, first_line, &found, &found_line) == 0)
    {
      if (found == NULL || *found == '\0')
        return journey_fail (journey, found_line, error,
                             _("no journey diagram: it starts with “journey”"));
      return journey_fail (journey, found_line, error,
                           _("a journey diagram starts with “journey”, not “%s”"), found);
    }

  journey->sections = g_ptr_array_new_with_free_func (section_free);
  journey->title = g_steal_pointer (&front_title);
  return parse (journey, text->str, first_line, error);
}

/* }}} */

/* Markdown {{{ */

gboolean
jm_mermaid_is_markdown (const char *filename)
{
  g_autofree char *lower = g_ascii_strdown (filename != NULL ? filename : "", -1);

  return g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown");
}

/* A fence line: up to three spaces, then three or more ` or ~. Returns
 * the fence's length, and its info string in @info. */
static guint
fence (const char  *line,
       const char  *end,
       char        *fence_char,
       char       **info)
{
  const char *p = line;
  guint n = 0;

  while (p < end && *p == ' ' && p - line < 3)
    p++;
  if (p >= end || (*p != '`' && *p != '~'))
    return 0;
  *fence_char = *p;
  while (p < end && *p == *fence_char)
    {
      p++;
      n++;
    }
  if (n < 3)
    return 0;
  if (info != NULL)
    *info = strip_dup (p, end - p);
  return n;
}

/* The first ```mermaid block holding a journey, with a note when more
 * follow. */
static gboolean
read_markdown (Journey     *journey,
               const char  *text,
               GError     **error)
{
  const char *block_start = NULL, *first = NULL, *first_end = NULL;
  guint line = 1, block_line = 0, first_line = 0, more_line = 0;
  guint open = 0;
  char open_char = 0;

  for (const char *p = text; *p != '\0'; line++)
    {
      const char *end = strchr (p, '\n');
      g_autofree char *info = NULL;
      char fence_char = 0;
      guint n;

      if (end == NULL)
        end = p + strlen (p);
      n = fence (p, end, &fence_char, &info);

      /* An info string of a ``` fence holds no backtick (CommonMark). */
      if (open == 0 && n > 0 && !(fence_char == '`' && strchr (info, '`') != NULL))
        {
          g_auto(GStrv) words = g_strsplit_set (info, " \t{", 2);

          open = n;
          open_char = fence_char;
          block_start = NULL;
          if (g_ascii_strcasecmp (words[0], "mermaid") == 0)
            {
              block_start = *end == '\n' ? end + 1 : end;
              block_line = line + 1;
            }
        }
      else if (open > 0 && n >= open && fence_char == open_char && *info == '\0')
        {
          if (block_start != NULL)
            {
              g_autoptr(GString) probe = g_string_new_len (block_start, p - block_start);
              g_autofree char *front_title = NULL;
              Journey scratch = { 0 };

              preprocess (&scratch, probe, &front_title);
              if (detect (probe->str, 1, NULL, NULL) != 0)
                {
                  if (first == NULL)
                    {
                      first = block_start;
                      first_end = p;
                      first_line = block_line;
                    }
                  else if (more_line == 0)
                    more_line = block_line;
                }
            }
          open = 0;
          block_start = NULL;
        }

      p = *end == '\n' ? end + 1 : end;
    }

  if (first == NULL)
    {
      g_set_error (error, JM_INTEROP_ERROR, JM_INTEROP_ERROR_SYNTAX,
                   _("%s: no ```mermaid block with a journey diagram"), journey->filename);
      return FALSE;
    }

  if (!read_diagram (journey, first, first_end - first, first_line, error))
    return FALSE;

  if (more_line != 0)
    journey_note (journey, more_line,
                  _("another journey diagram; only the first one in the file is imported"));
  return TRUE;
}

/* }}} */

/* Into the map {{{ */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static gboolean
apply (JmCommandStack  *stack,
       Journey         *journey,
       GError         **error)
{
  JmDocument *document = jm_command_stack_get_document (stack);
  JmLayer *layer = jm_document_get_layer (document, JM_LAYER_STATE_CURRENT);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) persona_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) personas = jm_interop_index_by_name (jm_document_get_personas (document));
  gboolean any_score = FALSE;
  JmLane *actions;

  if (journey->title != NULL && *journey->title != '\0' &&
      *(jm_document_get_title (document) ?: "") == '\0' &&
      !jm_edit_set_string (stack, document, "title", journey->title, 0, error))
    return FALSE;
  if (journey->description != NULL && *journey->description != '\0' &&
      *(jm_document_get_description (document) ?: "") == '\0' &&
      !jm_edit_set_string (stack, document, "description", journey->description, 0, error))
    return FALSE;

  actions = jm_interop_ensure_lane (stack, JM_LANE_KIND_ACTIONS, error);
  if (actions == NULL)
    return FALSE;

  /* Mermaid lists the actors sorted; they become personas in that order. */
  for (guint s = 0; s < journey->sections->len; s++)
    {
      Section *section = g_ptr_array_index (journey->sections, s);

      for (guint t = 0; t < section->tasks->len; t++)
        {
          Task *task = g_ptr_array_index (section->tasks, t);

          any_score |= task->has_score;
          for (guint a = 0; a < task->actors->len; a++)
            {
              const char *actor = g_ptr_array_index (task->actors, a);

              if (g_hash_table_add (seen, (gpointer) actor))
                g_ptr_array_add (names, (gpointer) actor);
            }
        }
    }
  g_ptr_array_sort (names, compare_strings);

  if (any_score && jm_interop_ensure_lane (stack, JM_LANE_KIND_EMOTIONS, error) == NULL)
    return FALSE;

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      JmPersona *persona = g_hash_table_lookup (personas, name);

      if (persona == NULL && (persona = jm_edit_add_persona (stack, name, error)) == NULL)
        return FALSE;
      g_hash_table_insert (persona_ids, (gpointer) name,
                           (gpointer) jm_object_get_id (JM_OBJECT (persona)));
    }

  for (guint s = 0; s < journey->sections->len; s++)
    {
      Section *section = g_ptr_array_index (journey->sections, s);
      JmObjectStore *stages = jm_document_get_stages (document);
      JmStage *stage;
      const char *stage_id;

      stage = jm_edit_add_stage (stack, jm_object_store_get_n_objects (stages),
                                 *section->name != '\0' ? section->name : NULL, error);
      if (stage == NULL)
        return FALSE;
      stage_id = jm_object_get_id (JM_OBJECT (stage));

      for (guint t = 0; t < section->tasks->len; t++)
        {
          Task *task = g_ptr_array_index (section->tasks, t);
          double position = (t + 0.5) / section->tasks->len;
          double score = (task->score - 3.0) * 2.5;

          g_autoptr(JmItem) card = jm_interop_new_item (document);

          if (!jm_interop_push_enum (stack, card, "kind", JM_TYPE_ITEM_KIND, JM_ITEM_KIND_CARD, error) ||
              !jm_interop_push_string (stack, card, "stage-id", stage_id, error) ||
              !jm_interop_push_string (stack, card, "lane-id", jm_object_get_id (JM_OBJECT (actions)), error) ||
              !jm_interop_push_string (stack, card, "title", task->name, error) ||
              !jm_interop_append (stack, jm_layer_get_items (layer), JM_OBJECT (card), error))
            return FALSE;
          if (!task->has_score)
            continue;

          /* A task without actors keeps its score on the curve of no persona. */
          if (task->actors->len == 0 &&
              !jm_interop_add_point (stack, JM_LAYER_STATE_CURRENT, NULL, stage_id, position, score, NULL,
                                     error))
            return FALSE;
          for (guint a = 0; a < task->actors->len; a++)
            {
              const char *persona_id = g_hash_table_lookup (persona_ids,
                                                            g_ptr_array_index (task->actors, a));

              if (!jm_interop_add_point (stack, JM_LAYER_STATE_CURRENT, persona_id, stage_id,
                                         position, score, NULL, error))
                return FALSE;
            }
        }
    }

  return TRUE;
}

/**
 * jm_mermaid_import_into:
 * @stack: the undo history of the map to add to
 * @bytes: a Mermaid file (.mmd), or Markdown (.md) holding a ```mermaid
 *   journey block, by @filename
 * @filename: the file's name in messages; a .md or .markdown name reads
 *   Markdown
 * @notes: (out) (optional) (transfer container) (element-type utf8): what
 *   Mermaid reads differently from what was probably meant, as
 *   FILE:LINE: message
 *
 * Adds the journey to the map as one undoable step: its sections as
 * stages after the map's, its tasks as cards of the actions lane, its
 * actors as personas (those of the same name the map has are reused) and
 * their scores as points of their curves. The map's title and
 * description are set only when it has none.
 *
 * Returns: %FALSE, with nothing changed, for what Mermaid refuses
 */
gboolean
jm_mermaid_import_into (JmCommandStack  *stack,
                        GBytes          *bytes,
                        const char      *filename,
                        GPtrArray      **notes,
                        GError         **error)
{
  g_autoptr(GPtrArray) found_notes = g_ptr_array_new_with_free_func (g_free);
  Journey journey = { filename != NULL ? filename : "-", found_notes, NULL, NULL, NULL };
  g_autofree char *text = NULL;
  const char *data;
  gsize size;
  gboolean ok;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &size);
  if (size > JM_FORMAT_MAX_FILE_SIZE)
    {
      g_set_error (error, JM_INTEROP_ERROR, JM_INTEROP_ERROR_TOO_LARGE,
                   _("%s: larger than the %d MiB a map may be"), journey.filename,
                   JM_FORMAT_MAX_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }
  if (!g_utf8_validate_len (data, size, NULL))
    {
      g_set_error (error, JM_INTEROP_ERROR, JM_INTEROP_ERROR_SYNTAX,
                   _("%s: not UTF-8 text"), journey.filename);
      return FALSE;
    }
  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      size -= 3;
    }
  text = g_strndup (data, size);

  if (jm_mermaid_is_markdown (filename))
    ok = read_markdown (&journey, text, error);
  else
    ok = read_diagram (&journey, text, strlen (text), 1, error);

  if (ok)
    {
      jm_command_stack_begin_group (stack, _("Import Mermaid Journey"));
      ok = apply (stack, &journey, error) &&
           jm_interop_check_fits (jm_command_stack_get_document (stack), journey.filename, error);
      if (ok)
        jm_command_stack_end_group (stack);
      else
        jm_command_stack_cancel_group (stack);
    }
  journey_clear (&journey);

  if (ok && notes != NULL)
    *notes = g_steal_pointer (&found_notes);
  return ok;
}

/**
 * jm_mermaid_read:
 *
 * Reads a Mermaid journey into a new map; see jm_mermaid_import_into().
 *
 * Returns: (transfer full) (nullable): the map
 */
JmDocument *
jm_mermaid_read (GBytes      *bytes,
                 const char  *filename,
                 GPtrArray  **notes,
                 GError     **error)
{
  return jm_interop_new_document (bytes, filename, notes, jm_mermaid_import_into, error);
}

/* }}} */

/* Out of the map {{{ */

/* Appends @text with the characters Mermaid would read as syntax there
 * replaced by look-alikes, and a zero-width space before a keyword. */
static void
append_safe (GString    *out,
             const char *text,
             const char *forbidden,
             gboolean    guard_keywords)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *p = stripped;
  gboolean keyword;

  keyword = (starts_with_ci (p, "journey") && !is_word (p[7])) ||
            (starts_with_ci (p, "title") && is_space (p[5])) ||
            (starts_with_ci (p, "section") && is_space (p[7])) ||
            match_acc (p, 0, "accTitle", ':') != 0 ||
            match_acc (p, 0, "accDescr", ':') != 0 ||
            match_acc (p, 0, "accDescr", '{') != 0 ||
            g_str_has_prefix (p, "%%") || g_str_has_prefix (p, ZERO_WIDTH_SPACE);
  if (*p == '\0' || (guard_keywords && keyword))
    g_string_append (out, ZERO_WIDTH_SPACE);

  for (; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r')
        g_string_append_c (out, ' ');
      else if (strchr (forbidden, *p) == NULL)
        g_string_append_c (out, *p);
      else if (*p == ':')
        g_string_append (out, "\xe2\x88\xb6");   /* ∶ RATIO */
      else if (*p == '#')
        g_string_append (out, "\xe2\x99\xaf");   /* ♯ MUSIC SHARP SIGN */
      else if (*p == ';')
        g_string_append (out, "\xe2\x81\x8f");   /* ⁏ REVERSED SEMICOLON */
      else if (*p == ',')
        g_string_append (out, "\xe2\x80\x9a");   /* ‚ SINGLE LOW-9 QUOTATION MARK */
      else if (*p == '}')
        g_string_append (out, "\xef\xbd\x9d");   /* ｝ FULLWIDTH RIGHT CURLY BRACKET */
    }
}

static void
append_score (GString *out,
              double   score)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (number, sizeof number, "%.10g", score);
  g_string_append (out, number);
}

/* The tasks of one stage: each card of the actions lane with the mean
 * score of the points nearest to it and their personas as actors. */
static void
write_stage (GString    *out,
             JmDocument *document,
             JmLayer    *layer,
             JmStage    *stage,
             JmLane     *actions)
{
  const char *stage_id = jm_object_get_id (JM_OBJECT (stage));
  g_autoptr(GPtrArray) cards = NULL;
  JmObjectStore *points = jm_layer_get_points (layer);
  guint n_points = jm_object_store_get_n_objects (points);
  g_autoptr(GPtrArray) stage_points = g_ptr_array_new ();

  if (actions == NULL)
    return;
  cards = jm_layer_dup_cell_items (layer, stage_id, jm_object_get_id (JM_OBJECT (actions)));
  for (guint i = 0; i < n_points; i++)
    {
      JmEmotionPoint *point = jm_object_store_get_object (points, i);

      if (g_strcmp0 (jm_emotion_point_get_stage_id (point), stage_id) == 0)
        g_ptr_array_add (stage_points, point);
    }

  for (guint c = 0; c < cards->len; c++)
    {
      g_autoptr(GHashTable) persona_ids = g_hash_table_new (g_str_hash, g_str_equal);
      JmObjectStore *personas = jm_document_get_personas (document);
      gboolean first_actor = TRUE;
      double sum = 0;
      guint n = 0;

      for (guint i = 0; i < stage_points->len; i++)
        {
          JmEmotionPoint *point = g_ptr_array_index (stage_points, i);
          const char *persona_id = jm_emotion_point_get_persona_id (point);
          guint slot;

          slot = MIN ((guint) MAX (0, floor (jm_emotion_point_get_position (point) * cards->len)),
                      cards->len - 1);
          if (slot != c)
            continue;

          sum += jm_emotion_point_get_score (point);
          n++;
          if (persona_id != NULL)
            g_hash_table_add (persona_ids, (gpointer) persona_id);
        }

      g_string_append (out, "      ");
      append_safe (out, jm_item_get_title (g_ptr_array_index (cards, c)), ":#;", TRUE);
      g_string_append (out, ": ");
      /* A card with no point near it says nothing of how it feels: neutral. */
      append_score (out, n > 0 ? 3.0 + (sum / n) / 2.5 : 3.0);
      /* The actors in the order of the map's personas, each persona once. */
      for (guint p = 0; p < jm_object_store_get_n_objects (personas) && g_hash_table_size (persona_ids) > 0; p++)
        {
          JmPersona *persona = jm_object_store_get_object (personas, p);
          const char *name = jm_persona_get_name (persona);

          if (!g_hash_table_remove (persona_ids, jm_object_get_id (JM_OBJECT (persona))) ||
              name == NULL || *name == '\0')
            continue;
          g_string_append (out, first_actor ? ": " : ", ");
          append_safe (out, name, ":#;,", FALSE);
          first_actor = FALSE;
        }
      g_string_append_c (out, '\n');
    }
}

/**
 * jm_mermaid_write:
 * @state: the state whose cards and curves are written
 *
 * Writes the map as a Mermaid journey: its title, its description as
 * accDescr, each stage as a section, each card of its (first) actions lane
 * as a task with the mean score of the points nearest to it (−5..+5 made
 * 1..5) and their personas as actors. What Mermaid would read as syntax in
 * a name is replaced by a look-alike character.
 *
 * Returns: (transfer full): the diagram, UTF-8
 */
GBytes *
jm_mermaid_write (JmDocument   *document,
                  JmLayerState  state)
{
  GString *out = g_string_new ("journey\n");
  JmObjectStore *stages, *lanes;
  JmLane *actions = NULL;
  const char *title, *description;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);

  title = jm_document_get_title (document);
  description = jm_document_get_description (document);
  if (title != NULL && *title != '\0')
    {
      g_string_append (out, "    title ");
      append_safe (out, title, "#;", FALSE);
      g_string_append_c (out, '\n');
    }
  if (description != NULL && *description != '\0')
    {
      if (strchr (description, '\n') == NULL)
        {
          g_string_append (out, "    accDescr: ");
          append_safe (out, description, "", FALSE);
          g_string_append_c (out, '\n');
        }
      else
        {
          g_auto(GStrv) lines = g_strsplit (description, "\n", -1);

          g_string_append (out, "    accDescr {\n");
          for (guint i = 0; lines[i] != NULL; i++)
            {
              g_string_append (out, "      ");
              append_safe (out, lines[i], "}", FALSE);
              g_string_append_c (out, '\n');
            }
          g_string_append (out, "    }\n");
        }
    }

  lanes = jm_document_get_lanes (document);
  for (guint i = 0; i < jm_object_store_get_n_objects (lanes) && actions == NULL; i++)
    {
      JmLane *lane = jm_object_store_get_object (lanes, i);

      if (jm_lane_get_kind (lane) == JM_LANE_KIND_ACTIONS)
        actions = lane;
    }

  stages = jm_document_get_stages (document);
  for (guint i = 0; i < jm_object_store_get_n_objects (stages); i++)
    {
      JmStage *stage = jm_object_store_get_object (stages, i);
      const char *name = jm_stage_get_name (stage);

      /* A first stage without a name holds the tasks before any section. */
      if (i > 0 || (name != NULL && *name != '\0'))
        {
          g_string_append (out, "    section ");
          append_safe (out, name, ":#;", FALSE);
          g_string_append_c (out, '\n');
        }
      write_stage (out, document, jm_document_get_layer (document, state), stage, actions);
    }

  return g_string_free_to_bytes (out);
}

/* }}} */
