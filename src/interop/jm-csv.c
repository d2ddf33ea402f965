/* jm-csv.c
 *
 * SPDX-FileCopyrightText: 2026 The Journeymap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jm-interop"

#include "config.h"

#include "jm-csv.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "commands/jm-edit.h"
#include "format/jm-xml-names.h"
#include "interop/jm-interop.h"
#include "model/jm-kinds.h"

/* One row per item and one per emotion point, under one header row whose
 * names docs/csv-format.md lists. The import reads the file twice: once
 * to check every row, so that a bad one stops it with nothing changed and
 * without building anything, then to add the rows as one undoable step. */

typedef enum
{
  COLUMN_LAYER,
  COLUMN_ID,
  COLUMN_STAGE,
  COLUMN_LANE,
  COLUMN_KIND,
  COLUMN_CHANNEL,
  COLUMN_TITLE,
  COLUMN_DESCRIPTION,
  COLUMN_MOMENT,
  COLUMN_MOMENT_LABEL,
  COLUMN_MOMENT_RATIONALE,
  COLUMN_LINKS,
  COLUMN_PERSONA,
  COLUMN_POSITION,
  COLUMN_SCORE,
  COLUMN_FEELING,
  N_COLUMNS
} Column;

static const struct
{
  const char *name;
  gboolean    text;       /* free text: guarded against formulas */
  glong       max_chars;
} columns[N_COLUMNS] = {
  { "layer", FALSE, JM_MAX_NAME_CHARS },
  { "id", FALSE, JM_FORMAT_MAX_ID_CHARS },
  { "stage", TRUE, JM_MAX_NAME_CHARS },
  { "lane", TRUE, JM_MAX_NAME_CHARS },
  { "kind", FALSE, JM_MAX_NAME_CHARS },
  { "channel", FALSE, JM_MAX_NAME_CHARS },
  { "title", TRUE, JM_MAX_NAME_CHARS },
  { "description", TRUE, JM_MAX_TEXT_CHARS },
  { "moment", FALSE, JM_MAX_NAME_CHARS },
  { "moment_label", TRUE, JM_MAX_NAME_CHARS },
  { "moment_rationale", TRUE, JM_MAX_TEXT_CHARS },
  { "links", TRUE, JM_MAX_TEXT_CHARS },
  { "persona", TRUE, JM_MAX_NAME_CHARS },
  { "position", FALSE, JM_MAX_NAME_CHARS },
  { "score", FALSE, JM_MAX_NAME_CHARS },
  { "feeling", TRUE, JM_MAX_NAME_CHARS },
};

#define KIND_EMOTION_POINT "emotion-point"

/* The shortest an item and an emotion point are in a map file:
 * <item id="a" kind="note" stage="b" lane="c"/> and
 * <point id="a" stage="b" position="0" score="0"/>, indented. */
#define LEAST_ITEM_BYTES  48
#define LEAST_POINT_BYTES 48

/* No cell may be longer than the longest text a map holds, in bytes of
 * UTF-8; the reader stops at the first byte past it. */
#define MAX_CELL_BYTES ((gsize) JM_MAX_TEXT_CHARS * 4)

/* Formulas a spreadsheet would run (OWASP's CSV injection rule). */
static gboolean
starts_like_formula (const char *text)
{
  while (*text == '\'')
    text++;
  return *text != '\0' && strchr ("=+-@\t\r", *text) != NULL;
}

/* Reading CSV {{{ */

typedef struct
{
  const char *filename;
  const char *data;
  gsize       size;
  gsize       pos;
  guint       line;             /* of pos */
  int         map[N_COLUMNS];   /* cell index of each column, or -1 */
  guint       width;            /* cells in a row */
  GPtrArray  *header;           /* (element-type utf8) */
  guint       n_cells;          /* in the record read last */
} Reader;

G_GNUC_PRINTF (5, 6)
static gboolean
reader_fail (Reader      *reader,
             guint        line,
             const char  *column,
             GError     **error,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (column != NULL)
    g_set_error (error, JM_INTEROP_ERROR, JM_INTEROP_ERROR_SYNTAX, "%s:%u: %s: %s",
                 reader->filename, line, column, message);
  else
    g_set_error (error, JM_INTEROP_ERROR, JM_INTEROP_ERROR_SYNTAX, "%s:%u: %s",
                 reader->filename, line, message);
  return FALSE;
}

static void
free_string (gpointer string)
{
  g_string_free (string, TRUE);
}

/* The name of the @index-th cell, for messages. */
static char *
cell_name (Reader *reader,
           guint   index)
{
  if (reader->header != NULL && index < reader->header->len)
    return g_strdup (g_ptr_array_index (reader->header, index));

  /* Translators: a cell of a spreadsheet row that has no header above it */
  return g_strdup_printf (_("cell %u"), index + 1);
}

static gboolean
at_record_end (const Reader *reader)
{
  const char *data = reader->data;
  gsize pos = reader->pos;

  return pos >= reader->size || data[pos] == '\n' ||
         (data[pos] == '\r' && pos + 1 < reader->size && data[pos + 1] == '\n');
}

/* Reads one record into @cells, GStrings kept from record to record so
 * that a large file costs no allocation a cell. Returns 1 for a record
 * (its cells counted in reader->n_cells), 0 at the end, -1 with @error
 * set. Empty lines are skipped. */
static int
read_record (Reader     *reader,
             GPtrArray  *cells,
             guint      *record_line,
             GError    **error)
{
  const char *data = reader->data;
  gsize size = reader->size;

  reader->n_cells = 0;
  while (reader->pos < size && at_record_end (reader))
    {
      reader->pos += data[reader->pos] == '\r' ? 2 : 1;
      reader->line++;
    }
  if (reader->pos >= size)
    return 0;

  *record_line = reader->line;
  for (;;)
    {
      GString *cell;

      if (reader->n_cells == cells->len)
        g_ptr_array_add (cells, g_string_new (NULL));
      cell = g_ptr_array_index (cells, reader->n_cells);
      g_string_truncate (cell, 0);

      if (reader->pos < size && data[reader->pos] == '"')
        {
          guint quote_line = reader->line;

          reader->pos++;
          for (;;)
            {
              gsize run = reader->pos;

              /* Stops one byte past the longest cell, not at the end of a
               * quote that is never closed. */
              while (run < size && data[run] != '"' && cell->len + (run - reader->pos) <= MAX_CELL_BYTES)
                {
                  if (data[run] == '\n')
                    reader->line++;
                  run++;
                }
              g_string_append_len (cell, data + reader->pos, run - reader->pos);
              reader->pos = run;
              if (cell->len > MAX_CELL_BYTES)
                {
                  g_autofree char *name = cell_name (reader, reader->n_cells);

                  reader_fail (reader, quote_line, name, error,
                               _("longer than any text of a map may be"));
                  return -1;
                }
              if (reader->pos >= size)
                {
                  g_autofree char *name = cell_name (reader, reader->n_cells);

                  reader_fail (reader, quote_line, name, error,
                               _("the quote that opens this cell is never closed"));
                  return -1;
                }
              /* A quote written twice is one quote of the text. */
              if (reader->pos + 1 < size && data[reader->pos + 1] == '"')
                {
                  g_string_append_c (cell, '"');
                  reader->pos += 2;
                  continue;
                }
              reader->pos++;
              break;
            }

          if (reader->pos < size && data[reader->pos] != ',' && !at_record_end (reader))
            {
              g_autofree char *name = cell_name (reader, reader->n_cells);

              reader_fail (reader, reader->line, name, error,
                           _("text after the quote that closes the cell; a quote inside a "
                             "quoted cell is written twice"));
              return -1;
            }
        }
      else
        {
          gsize run = reader->pos;

          while (run < size && data[run] != ',' && data[run] != '\n' && data[run] != '"' &&
                 !(data[run] == '\r' && run + 1 < size && data[run + 1] == '\n') &&
                 run - reader->pos <= MAX_CELL_BYTES)
            run++;
          if (run - reader->pos > MAX_CELL_BYTES)
            {
              g_autofree char *name = cell_name (reader, reader->n_cells);

              reader_fail (reader, reader->line, name, error,
                           _("longer than any text of a map may be"));
              return -1;
            }
          if (run < size && data[run] == '"')
            {
              g_autofree char *name = cell_name (reader, reader->n_cells);

              reader_fail (reader, reader->line, name, error,
                           _("a quote inside a cell that does not start with one"));
              return -1;
            }
          g_string_append_len (cell, data + reader->pos, run - reader->pos);
          reader->pos = run;
        }

      reader->n_cells++;
      if (reader->pos < size && data[reader->pos] == ',')
        {
          reader->pos++;
          continue;
        }
      if (reader->pos < size)
        {
          reader->pos += data[reader->pos] == '\r' ? 2 : 1;
          reader->line++;
        }
      return 1;
    }
}

static gboolean
read_header (Reader     *reader,
             GError    **error)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (free_string);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint line = 1;
  int status;

  status = read_record (reader, cells, &line, error);
  if (status < 0)
    return FALSE;
  if (status == 0)
    return reader_fail (reader, 1, NULL, error, _("empty: a header row is missing"));

  for (guint c = 0; c < N_COLUMNS; c++)
    reader->map[c] = -1;

  for (guint i = 0; i < reader->n_cells; i++)
    {
      const char *name = g_strstrip (((GString *) g_ptr_array_index (cells, i))->str);
      gboolean known = FALSE;

      g_ptr_array_add (names, g_strdup (name));
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          if (g_ascii_strcasecmp (name, columns[c].name) != 0)
            continue;
          if (reader->map[c] >= 0)
            return reader_fail (reader, line, name, error, _("this column is in the header twice"));
          reader->map[c] = i;
          known = TRUE;
        }
      if (!known)
        return reader_fail (reader, line, name, error,
                            _("not a column Journeymap knows (see docs/csv-format.md)"));
    }

  if (reader->map[COLUMN_KIND] < 0)
    return reader_fail (reader, line, columns[COLUMN_KIND].name, error,
                        _("the header lacks this column"));

  reader->width = reader->n_cells;
  reader->header = g_steal_pointer (&names);
  return TRUE;
}

/* }}} */

/* Checking rows {{{ */

typedef struct
{
  guint          line;
  JmLayerState   layer;
  gboolean       is_point;
  JmItemKind     kind;
  JmChannel      channel;
  JmMomentKind   moment;
  double         position;
  double         score;
  const char    *cells[N_COLUMNS];   /* "" where the file has no column */
} Row;

static gboolean
parse_number (const char *text,
              double      low,
              double      high,
              double     *value)
{
  char *end = NULL;

  if (*text == '\0')
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value) && *value >= low && *value <= high;
}

static gboolean
is_valid_id (const char *id)
{
  if (!(g_ascii_isalpha (id[0]) || id[0] == '_'))
    return FALSE;

  for (const char *p = id + 1; *p != '\0'; p++)
    {
      if (!(g_ascii_isalnum (*p) || *p == '_' || *p == '.' || *p == '-'))
        return FALSE;
    }

  return strlen (id) <= JM_FORMAT_MAX_ID_CHARS;
}

static char *
kind_list (GType enum_type)
{
  GString *list = g_string_new (NULL);
  guint n = 0;
  const JmKind *kinds = jm_kinds_get (enum_type, &n);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (list, "%s, ", kinds[i].nick);
  if (enum_type == JM_TYPE_ITEM_KIND)
    g_string_append (list, KIND_EMOTION_POINT);
  else if (list->len > 2)
    g_string_truncate (list, list->len - 2);

  return g_string_free (list, FALSE);
}

/* Fills @row from the cells of one record, removing the apostrophe that
 * guards a formula-like text, and checks every value. */
static gboolean
check_row (Reader     *reader,
           GPtrArray  *cells,
           guint       line,
           Row        *row,
           GError    **error)
{
  int value;

  if (reader->n_cells != reader->width)
    return reader_fail (reader, line, NULL, error,
                        _("this row has %u cells, the header has %u"), reader->n_cells, reader->width);

  memset (row, 0, sizeof *row);
  row->line = line;
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      char *text = reader->map[c] >= 0 ? ((GString *) g_ptr_array_index (cells, reader->map[c]))->str
                                       : (char *) "";

      if (!g_utf8_validate (text, -1, NULL))
        return reader_fail (reader, line, columns[c].name, error, _("not UTF-8 text"));
      if (columns[c].text && text[0] == '\'' && starts_like_formula (text + 1))
        memmove (text, text + 1, strlen (text));
      if (g_utf8_strlen (text, -1) > columns[c].max_chars)
        return reader_fail (reader, line, columns[c].name, error,
                            _("longer than the %ld characters it may have"), columns[c].max_chars);
      row->cells[c] = text;
    }

  if (*row->cells[COLUMN_LAYER] == '\0' || g_str_equal (row->cells[COLUMN_LAYER], "current"))
    row->layer = JM_LAYER_STATE_CURRENT;
  else if (g_str_equal (row->cells[COLUMN_LAYER], "future"))
    row->layer = JM_LAYER_STATE_FUTURE;
  else
    return reader_fail (reader, line, columns[COLUMN_LAYER].name, error,
                        _("“%s” is neither current nor future"), row->cells[COLUMN_LAYER]);

  if (g_str_equal (row->cells[COLUMN_KIND], KIND_EMOTION_POINT))
    {
      row->is_point = TRUE;
      if (!parse_number (row->cells[COLUMN_POSITION], 0.0, 1.0, &row->position))
        return reader_fail (reader, line, columns[COLUMN_POSITION].name, error,
                            _("“%s” is not a number from %g to %g"),
                            row->cells[COLUMN_POSITION], 0.0, 1.0);
      if (!parse_number (row->cells[COLUMN_SCORE], JM_SCORE_MIN, JM_SCORE_MAX, &row->score))
        return reader_fail (reader, line, columns[COLUMN_SCORE].name, error,
                            _("“%s” is not a number from %g to %g"),
                            row->cells[COLUMN_SCORE], JM_SCORE_MIN, JM_SCORE_MAX);
      return TRUE;
    }

  if (!jm_enum_from_nick (JM_TYPE_ITEM_KIND, row->cells[COLUMN_KIND], &value))
    {
      g_autofree char *list = kind_list (JM_TYPE_ITEM_KIND);

      return reader_fail (reader, line, columns[COLUMN_KIND].name, error,
                          _("“%s” is not a kind Journeymap knows: %s"), row->cells[COLUMN_KIND], list);
    }
  row->kind = value;

  if (*row->cells[COLUMN_CHANNEL] == '\0')
    row->channel = JM_CHANNEL_NONE;
  else if (jm_enum_from_nick (JM_TYPE_CHANNEL, row->cells[COLUMN_CHANNEL], &value) && value != JM_CHANNEL_NONE)
    row->channel = value;
  else
    {
      g_autofree char *list = kind_list (JM_TYPE_CHANNEL);

      return reader_fail (reader, line, columns[COLUMN_CHANNEL].name, error,
                          _("“%s” is not a kind Journeymap knows: %s"), row->cells[COLUMN_CHANNEL], list);
    }
  if ((row->kind == JM_ITEM_KIND_TOUCHPOINT) != (row->channel != JM_CHANNEL_NONE))
    return reader_fail (reader, line, columns[COLUMN_CHANNEL].name, error,
                        _("touchpoints have a channel, other items none"));

  if (*row->cells[COLUMN_MOMENT] == '\0')
    row->moment = JM_MOMENT_KIND_NONE;
  else if (jm_enum_from_nick (JM_TYPE_MOMENT_KIND, row->cells[COLUMN_MOMENT], &value) &&
           value != JM_MOMENT_KIND_NONE)
    row->moment = value;
  else
    {
      g_autofree char *list = kind_list (JM_TYPE_MOMENT_KIND);

      return reader_fail (reader, line, columns[COLUMN_MOMENT].name, error,
                          _("“%s” is not a kind Journeymap knows: %s"), row->cells[COLUMN_MOMENT], list);
    }
  if ((row->moment == JM_MOMENT_KIND_CUSTOM) != (*row->cells[COLUMN_MOMENT_LABEL] != '\0'))
    return reader_fail (reader, line, columns[COLUMN_MOMENT_LABEL].name, error,
                        _("a custom Moment of Truth has a label, other items none"));
  if (row->moment == JM_MOMENT_KIND_NONE && *row->cells[COLUMN_MOMENT_RATIONALE] != '\0')
    return reader_fail (reader, line, columns[COLUMN_MOMENT_RATIONALE].name, error,
                        _("only a Moment of Truth has a rationale"));

  if (*row->cells[COLUMN_ID] != '\0' && !is_valid_id (row->cells[COLUMN_ID]))
    return reader_fail (reader, line, columns[COLUMN_ID].name, error,
                        _("“%s” is not an id: a letter, then letters, digits, “-”, “_” or “.”"),
                        row->cells[COLUMN_ID]);

  return TRUE;
}

/* The links cell: one link a line, the target's id, then its label. */
static char **
split_links (const char *cell)
{
  return *cell != '\0' ? g_strsplit (cell, "\n", -1) : g_new0 (char *, 1);
}

static char *
link_target (const char  *link,
             const char **label)
{
  const char *space = strchr (link, ' ');

  *label = space != NULL ? space + 1 : NULL;
  return space != NULL ? g_strndup (link, space - link) : g_strdup (link);
}

typedef struct
{
  guint        line;
  JmLayerState layer;
  char        *from;
  char        *to;
} LinkCheck;

static void
link_check_free (gpointer data)
{
  LinkCheck *check = data;

  g_free (check->from);
  g_free (check->to);
  g_free (check);
}

/* The first reading: every row checked, nothing built. */
static gboolean
check_all (Reader     *reader,
           GError    **error)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (free_string);
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (link_check_free);
  g_autoptr(GHashTable) current_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) future_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *ids[JM_N_LAYER_STATES] = { current_ids, future_ids };
  guint64 least_size = 0;
  guint rows = 0, line = 0;
  Row row;
  int status;

  while ((status = read_record (reader, cells, &line, error)) > 0)
    {
      g_auto(GStrv) row_links = NULL;

      if (!check_row (reader, cells, line, &row, error))
        return FALSE;
      if (++rows > JM_FORMAT_MAX_ITEMS)
        {
          g_set_error (error, JM_INTEROP_ERROR, JM_INTEROP_ERROR_TOO_LARGE,
                       _("%s:%u: more rows than the %d items a map may hold"),
                       reader->filename, line, JM_FORMAT_MAX_ITEMS);
          return FALSE;
        }

      /* The least each row takes in a map file: its texts, escaped at
       * no cost, and the shortest element that can hold it. Past the
       * limit, no map could hold the sheet: refused before anything is
       * built. */
      least_size += row.is_point ? LEAST_POINT_BYTES
                                 : LEAST_ITEM_BYTES + strlen (row.cells[COLUMN_TITLE]) +
                                   strlen (row.cells[COLUMN_DESCRIPTION]) +
                                   strlen (row.cells[COLUMN_MOMENT_LABEL]) +
                                   strlen (row.cells[COLUMN_MOMENT_RATIONALE]);
      if (least_size > JM_FORMAT_MAX_FILE_SIZE)
        {
          g_autofree char *limit = g_format_size (JM_FORMAT_MAX_FILE_SIZE);

          g_set_error (error, JM_INTEROP_ERROR, JM_INTEROP_ERROR_TOO_LARGE,
                       _("%s:%u: the map would grow past the %s a map file may hold"),
                       reader->filename, line, limit);
          return FALSE;
        }
      if (row.is_point || *row.cells[COLUMN_ID] == '\0')
        {
          if (!row.is_point && *row.cells[COLUMN_LINKS] != '\0')
            return reader_fail (reader, line, columns[COLUMN_LINKS].name, error,
                                _("an item without an id cannot link"));
          continue;
        }

      if (g_hash_table_contains (ids[row.layer], row.cells[COLUMN_ID]))
        return reader_fail (reader, line, columns[COLUMN_ID].name, error,
                            _("“%s” is the id of another row of this layer already"),
                            row.cells[COLUMN_ID]);
      g_hash_table_add (ids[row.layer], g_strdup (row.cells[COLUMN_ID]));

      if (*row.cells[COLUMN_LINKS] == '\0')
        continue;
      row_links = split_links (row.cells[COLUMN_LINKS]);
      for (guint i = 0; row_links[i] != NULL; i++)
        {
          LinkCheck *check = g_new0 (LinkCheck, 1);
          const char *label;

          check->line = line;
          check->layer = row.layer;
          check->from = g_strdup (row.cells[COLUMN_ID]);
          check->to = link_target (row_links[i], &label);
          g_ptr_array_add (links, check);
        }
    }
  if (status < 0)
    return FALSE;

  for (guint i = 0; i < links->len; i++)
    {
      LinkCheck *check = g_ptr_array_index (links, i);

      if (!g_hash_table_contains (ids[check->layer], check->to))
        return reader_fail (reader, check->line, columns[COLUMN_LINKS].name, error,
                            _("no row of this layer has the id “%s”"), check->to);
      if (g_str_equal (check->from, check->to))
        return reader_fail (reader, check->line, columns[COLUMN_LINKS].name, error,
                            _("an item cannot link to itself"));
    }

  return TRUE;
}

/* }}} */

/* Building {{{ */

typedef struct
{
  JmCommandStack *stack;
  JmDocument     *document;
  GHashTable     *stages;     /* name → JmStage, borrowed */
  GHashTable     *lanes;      /* name → JmLane, borrowed */
  GHashTable     *personas;   /* name → JmPersona, borrowed */
  GHashTable     *ids;        /* id in the file → id in the map */
  GPtrArray      *links;      /* LinkCheck with ids of the map in from and the file in to */
} Builder;

static JmStage *
builder_stage (Builder     *builder,
               const char  *name,
               GError     **error)
{
  JmStage *stage = g_hash_table_lookup (builder->stages, name);

  if (stage != NULL)
    return stage;
  stage = jm_edit_add_stage (builder->stack,
                             jm_object_store_get_n_objects (jm_document_get_stages (builder->document)),
                             *name != '\0' ? name : NULL, error);
  if (stage != NULL)
    g_hash_table_insert (builder->stages, g_strdup (name), stage);
  return stage;
}

/* A lane the map lacks is made of the kind its first item suggests. */
static JmLane *
builder_lane (Builder     *builder,
              const char  *name,
              JmItemKind   item_kind,
              GError     **error)
{
  static const JmLaneKind lane_kinds[] = {
    [JM_ITEM_KIND_CARD] = JM_LANE_KIND_ACTIONS,
    [JM_ITEM_KIND_TOUCHPOINT] = JM_LANE_KIND_TOUCHPOINTS,
    [JM_ITEM_KIND_PAIN_POINT] = JM_LANE_KIND_PAIN_POINTS,
    [JM_ITEM_KIND_OPPORTUNITY] = JM_LANE_KIND_OPPORTUNITIES,
    [JM_ITEM_KIND_IMAGE] = JM_LANE_KIND_IMAGES,
    [JM_ITEM_KIND_NOTE] = JM_LANE_KIND_TEXT,
  };
  JmLane *lane = g_hash_table_lookup (builder->lanes, name);

  if (lane != NULL)
    return lane;
  lane = jm_edit_add_lane (builder->stack,
                           jm_object_store_get_n_objects (jm_document_get_lanes (builder->document)),
                           lane_kinds[item_kind], *name != '\0' ? name : NULL, error);
  if (lane != NULL)
    g_hash_table_insert (builder->lanes, g_strdup (name), lane);
  return lane;
}

static gboolean
build_item (Builder     *builder,
            const Row   *row,
            GError     **error)
{
  JmLayer *layer = jm_document_get_layer (builder->document, row->layer);
  JmObjectStore *items = jm_layer_get_items (layer);
  const char *file_id = row->cells[COLUMN_ID];
  const char *map_id = NULL;
  g_autoptr(JmItem) item = NULL;
  g_auto(GStrv) links = NULL;
  JmStage *stage;
  JmLane *lane;

  if ((stage = builder_stage (builder, row->cells[COLUMN_STAGE], error)) == NULL ||
      (lane = builder_lane (builder, row->cells[COLUMN_LANE], row->kind, error)) == NULL)
    return FALSE;

  /* An id the file gives to an item of each layer makes counterparts;
   * one the map has already gets a new one. */
  if (*file_id != '\0')
    {
      map_id = g_hash_table_lookup (builder->ids, file_id);
      if (map_id != NULL && jm_layer_lookup_item (layer, map_id) != NULL)
        map_id = NULL;
      if (map_id == NULL && jm_interop_id_is_free (builder->document, file_id))
        map_id = file_id;
    }
  item = map_id != NULL ? jm_item_new (map_id) : jm_interop_new_item (builder->document);
  if (*file_id != '\0')
    g_hash_table_insert (builder->ids, g_strdup (file_id), g_strdup (jm_object_get_id (JM_OBJECT (item))));

  if (!jm_interop_push_enum (builder->stack, item, "kind", JM_TYPE_ITEM_KIND, row->kind, error) ||
      !jm_interop_push_string (builder->stack, item, "stage-id", jm_object_get_id (JM_OBJECT (stage)), error) ||
      !jm_interop_push_string (builder->stack, item, "lane-id", jm_object_get_id (JM_OBJECT (lane)), error) ||
      !jm_interop_push_string (builder->stack, item, "title", row->cells[COLUMN_TITLE], error) ||
      !jm_interop_push_string (builder->stack, item, "body", row->cells[COLUMN_DESCRIPTION], error) ||
      (row->channel != JM_CHANNEL_NONE &&
       !jm_interop_push_enum (builder->stack, item, "channel", JM_TYPE_CHANNEL, row->channel, error)) ||
      (row->moment != JM_MOMENT_KIND_NONE &&
       !jm_interop_push_enum (builder->stack, item, "moment", JM_TYPE_MOMENT_KIND, row->moment, error)) ||
      !jm_interop_push_string (builder->stack, item, "moment-label", row->cells[COLUMN_MOMENT_LABEL], error) ||
      !jm_interop_push_string (builder->stack, item, "moment-rationale", row->cells[COLUMN_MOMENT_RATIONALE], error))
    return FALSE;

  if (!jm_interop_append (builder->stack, items, JM_OBJECT (item), error))
    return FALSE;

  links = split_links (row->cells[COLUMN_LINKS]);
  for (guint i = 0; links[i] != NULL; i++)
    {
      LinkCheck *link = g_new0 (LinkCheck, 1);

      link->layer = row->layer;
      link->from = g_strdup (jm_object_get_id (JM_OBJECT (item)));
      /* The whole line: its target is an id of the file, found once all
       * the file's items are in the map. */
      link->to = g_strdup (links[i]);
      g_ptr_array_add (builder->links, link);
    }

  return TRUE;
}

static gboolean
build_point (Builder     *builder,
             const Row   *row,
             GError     **error)
{
  const char *name = row->cells[COLUMN_PERSONA];
  const char *persona_id = NULL;
  JmStage *stage;

  if ((stage = builder_stage (builder, row->cells[COLUMN_STAGE], error)) == NULL)
    return FALSE;

  if (*name != '\0')
    {
      JmPersona *persona = g_hash_table_lookup (builder->personas, name);

      if (persona == NULL)
        {
          if ((persona = jm_edit_add_persona (builder->stack, name, error)) == NULL)
            return FALSE;
          g_hash_table_insert (builder->personas, g_strdup (name), persona);
        }
      persona_id = jm_object_get_id (JM_OBJECT (persona));
    }

  return jm_interop_add_point (builder->stack, row->layer, persona_id,
                               jm_object_get_id (JM_OBJECT (stage)), row->position, row->score,
                               row->cells[COLUMN_FEELING], error);
}

/* The second reading: the rows made into the map. */
static gboolean
build_all (Reader     *reader,
           Builder    *builder,
           GError    **error)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (free_string);
  gboolean has_points = FALSE;
  guint line = 0;
  Row row;
  int status;

  while ((status = read_record (reader, cells, &line, error)) > 0)
    {
      if (!check_row (reader, cells, line, &row, error))
        return FALSE;
      if (row.is_point && !has_points)
        {
          has_points = TRUE;
          if (jm_interop_ensure_lane (builder->stack, JM_LANE_KIND_EMOTIONS, error) == NULL)
            return FALSE;
        }
      if (!(row.is_point ? build_point (builder, &row, error) : build_item (builder, &row, error)))
        return FALSE;
    }
  if (status < 0)
    return FALSE;

  for (guint i = 0; i < builder->links->len; i++)
    {
      LinkCheck *link = g_ptr_array_index (builder->links, i);
      const char *label;
      g_autofree char *target = link_target (link->to, &label);
      const char *to = g_hash_table_lookup (builder->ids, target);

      if (jm_edit_add_link (builder->stack, link->layer, link->from, to, label, error) == NULL)
        return FALSE;
    }

  return TRUE;
}

/* }}} */

/**
 * jm_csv_import_into:
 * @stack: the undo history of the map to add to
 * @bytes: CSV, UTF-8 with or without a byte order mark
 * @filename: the file's name in messages
 * @notes: (out) (optional) (transfer container): none yet; for symmetry
 *   with jm_mermaid_import_into()
 *
 * Adds the rows to the map as one undoable step. Stages, lanes and
 * personas are found by name, and made (at the end) when the map has none
 * of that name. Ids in the file keep items of the current and future
 * states counterparts and name link targets; an id the map uses already
 * is replaced.
 *
 * Returns: %FALSE, with nothing changed, for the first bad row, as
 *   FILE:LINE: column: problem
 */
gboolean
jm_csv_import_into (JmCommandStack  *stack,
                    GBytes          *bytes,
                    const char      *filename,
                    GPtrArray      **notes,
                    GError         **error)
{
  g_autoptr(GPtrArray) header = NULL;
  g_autoptr(GHashTable) stages = NULL;
  g_autoptr(GHashTable) lanes = NULL;
  g_autoptr(GHashTable) personas = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (link_check_free);
  Reader reader = { filename != NULL ? filename : "-", NULL, 0, 0, 1, { 0 }, 0, NULL };
  Builder builder = { stack, NULL, NULL, NULL, NULL, ids, links };
  gsize start, body_line_pos;
  guint body_line;
  gboolean ok;

  g_return_val_if_fail (JM_IS_COMMAND_STACK (stack), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  reader.data = g_bytes_get_data (bytes, &reader.size);
  if (reader.size > JM_FORMAT_MAX_FILE_SIZE)
    {
      g_set_error (error, JM_INTEROP_ERROR, JM_INTEROP_ERROR_TOO_LARGE,
                   _("%s: larger than the %d MiB a map may be"), reader.filename,
                   JM_FORMAT_MAX_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }
  start = reader.size >= 3 && memcmp (reader.data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
  reader.pos = start;

  if (!read_header (&reader, error))
    {
      g_clear_pointer (&reader.header, g_ptr_array_unref);
      return FALSE;
    }
  header = reader.header;
  body_line_pos = reader.pos;
  body_line = reader.line;

  if (!check_all (&reader, error))
    return FALSE;

  reader.pos = body_line_pos;
  reader.line = body_line;
  builder.document = jm_command_stack_get_document (stack);
  builder.stages = stages = jm_interop_index_by_name (jm_document_get_stages (builder.document));
  builder.lanes = lanes = jm_interop_index_by_name (jm_document_get_lanes (builder.document));
  builder.personas = personas = jm_interop_index_by_name (jm_document_get_personas (builder.document));
  jm_command_stack_begin_group (stack, _("Import Spreadsheet"));
  ok = build_all (&reader, &builder, error) &&
       jm_interop_check_fits (builder.document, reader.filename, error);
  if (ok)
    jm_command_stack_end_group (stack);
  else
    jm_command_stack_cancel_group (stack);

  if (ok && notes != NULL)
    *notes = g_ptr_array_new_with_free_func (g_free);
  return ok;
}

/**
 * jm_csv_read:
 *
 * Reads a spreadsheet into a new map; see jm_csv_import_into().
 *
 * Returns: (transfer full) (nullable): the map
 */
JmDocument *
jm_csv_read (GBytes      *bytes,
             const char  *filename,
             GPtrArray  **notes,
             GError     **error)
{
  return jm_interop_new_document (bytes, filename, notes, jm_csv_import_into, error);
}

/* Writing {{{ */

static void
write_cell (GString    *out,
            Column      column,
            const char *text)
{
  gboolean guard, quote;

  if (text == NULL)
    text = "";
  guard = columns[column].text && starts_like_formula (text);
  quote = strpbrk (text, ",\"\r\n") != NULL;

  if (column > 0)
    g_string_append_c (out, ',');
  if (quote)
    g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static void
write_row (GString     *out,
           const char **cells)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    write_cell (out, c, cells[c]);
  g_string_append (out, "\r\n");
}

static const char *
stage_name (JmDocument *document,
            const char *id)
{
  JmStage *stage = jm_document_lookup_stage (document, id);

  return stage != NULL ? jm_stage_get_name (stage) : NULL;
}

static char *
number (double value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (text, sizeof text, "%.15g", value));
}

/**
 * jm_csv_write:
 * @bom: start with a byte order mark, which spreadsheet programs need to
 *   read the file as UTF-8
 *
 * Writes one row per item and one per emotion point of each state, in
 * the order of the map, with CRLF line ends and RFC 4180 quoting. Text
 * that a spreadsheet would run as a formula starts with an apostrophe,
 * which the import takes away again.
 *
 * Returns: (transfer full): the CSV
 */
GBytes *
jm_csv_write (JmDocument *document,
              gboolean    bom)
{
  GString *out = g_string_new (bom ? "\xef\xbb\xbf" : "");
  const char *header[N_COLUMNS];

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);

  for (guint c = 0; c < N_COLUMNS; c++)
    header[c] = columns[c].name;
  write_row (out, header);

  for (guint s = 0; s < JM_N_LAYER_STATES; s++)
    {
      JmLayer *layer = jm_document_get_layer (document, s);
      JmObjectStore *items = jm_layer_get_items (layer);
      JmObjectStore *points = jm_layer_get_points (layer);
      JmObjectStore *links = jm_layer_get_links (layer);
      const char *layer_nick = jm_enum_to_nick (JM_TYPE_LAYER_STATE, s);
      g_autoptr(GHashTable) targets_of = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, free_string);

      /* Each item's links, in the order of the layer, in one pass. */
      for (guint l = 0; l < jm_object_store_get_n_objects (links); l++)
        {
          JmLink *link = jm_object_store_get_object (links, l);
          GString *targets = g_hash_table_lookup (targets_of, jm_link_get_from_id (link));

          if (targets == NULL)
            g_hash_table_insert (targets_of, (gpointer) jm_link_get_from_id (link),
                                 targets = g_string_new (NULL));
          else
            g_string_append_c (targets, '\n');
          g_string_append (targets, jm_link_get_to_id (link));
          if (jm_link_get_label (link) != NULL && *jm_link_get_label (link) != '\0')
            g_string_append_printf (targets, " %s", jm_link_get_label (link));
        }

      for (guint i = 0; i < jm_object_store_get_n_objects (items); i++)
        {
          JmItem *item = jm_object_store_get_object (items, i);
          JmLane *lane = jm_document_lookup_lane (document, jm_item_get_lane_id (item));
          const char *id = jm_object_get_id (JM_OBJECT (item));
          GString *targets = g_hash_table_lookup (targets_of, id);
          const char *cells[N_COLUMNS] = { NULL };

          cells[COLUMN_LAYER] = layer_nick;
          cells[COLUMN_ID] = id;

          cells[COLUMN_STAGE] = stage_name (document, jm_item_get_stage_id (item));
          cells[COLUMN_LANE] = lane != NULL ? jm_lane_get_name (lane) : NULL;
          cells[COLUMN_KIND] = jm_enum_to_nick (JM_TYPE_ITEM_KIND, jm_item_get_kind (item));
          if (jm_item_get_channel (item) != JM_CHANNEL_NONE)
            cells[COLUMN_CHANNEL] = jm_enum_to_nick (JM_TYPE_CHANNEL, jm_item_get_channel (item));
          cells[COLUMN_TITLE] = jm_item_get_title (item);
          cells[COLUMN_DESCRIPTION] = jm_item_get_body (item);
          if (jm_item_get_moment (item) != JM_MOMENT_KIND_NONE)
            cells[COLUMN_MOMENT] = jm_enum_to_nick (JM_TYPE_MOMENT_KIND, jm_item_get_moment (item));
          cells[COLUMN_MOMENT_LABEL] = jm_item_get_moment_label (item);
          cells[COLUMN_MOMENT_RATIONALE] = jm_item_get_moment_rationale (item);
          cells[COLUMN_LINKS] = targets != NULL ? targets->str : NULL;
          write_row (out, cells);
        }

      for (guint i = 0; i < jm_object_store_get_n_objects (points); i++)
        {
          JmEmotionPoint *point = jm_object_store_get_object (points, i);
          const char *persona_id = jm_emotion_point_get_persona_id (point);
          JmPersona *persona;
          g_autofree char *position = number (jm_emotion_point_get_position (point));
          g_autofree char *score = number (jm_emotion_point_get_score (point));
          const char *cells[N_COLUMNS] = { NULL };

          cells[COLUMN_LAYER] = layer_nick;
          cells[COLUMN_STAGE] = stage_name (document, jm_emotion_point_get_stage_id (point));
          cells[COLUMN_KIND] = KIND_EMOTION_POINT;
          persona = persona_id != NULL ? jm_document_lookup_persona (document, persona_id) : NULL;
          cells[COLUMN_PERSONA] = persona != NULL ? jm_persona_get_name (persona) : NULL;
          cells[COLUMN_POSITION] = position;
          cells[COLUMN_SCORE] = score;
          cells[COLUMN_FEELING] = jm_emotion_point_get_label (point);
          write_row (out, cells);
        }
    }

  return g_string_free_to_bytes (out);
}

/* }}} */
