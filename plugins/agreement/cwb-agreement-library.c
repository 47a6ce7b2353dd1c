/* cwb-agreement-library.c — model clauses for the nine agreement items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-agreement-library"

#include "config.h"

#include <glib/gi18n.h>

#include "cwb-agreement-library.h"
#include "cwb-agreement-private.h"

#define LIBRARY_RESOURCE "/io/github/cwb/plugins/agreement/library/clauses.json"

CwbAgreementClause *
cwb_agreement_clause_copy (const CwbAgreementClause *clause)
{
  CwbAgreementClause *copy;

  g_return_val_if_fail (clause != NULL, NULL);

  copy = g_new0 (CwbAgreementClause, 1);
  copy->id = g_strdup (clause->id);
  copy->item = clause->item;
  copy->title = g_strdup (clause->title);
  copy->note = g_strdup (clause->note);
  copy->text = g_strdup (clause->text);
  copy->user_id = clause->user_id;

  return copy;
}

void
cwb_agreement_clause_free (CwbAgreementClause *clause)
{
  if (clause == NULL)
    return;

  g_free (clause->id);
  g_free (clause->title);
  g_free (clause->note);
  g_free (clause->text);
  g_free (clause);
}

G_DEFINE_BOXED_TYPE (CwbAgreementClause, cwb_agreement_clause,
                     cwb_agreement_clause_copy, cwb_agreement_clause_free)

/* The shipped library */

static const char *
member_string (JsonObject *object,
               const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* (element-type CwbAgreementClause): every shipped clause, parsed once. The
 * resource is part of this library, so a broken one is a bug: it is
 * reported with g_critical() and its bad entries left out. */
static GPtrArray *
get_shipped (void)
{
  static GPtrArray *shipped;

  if (g_once_init_enter (&shipped))
    {
      GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) cwb_agreement_clause_free);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonNode *root;
      JsonNode *clauses;

      bytes = g_resources_lookup_data (LIBRARY_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes == NULL ||
          !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
        {
          g_critical ("The clause library %s cannot be read: %s", LIBRARY_RESOURCE, error->message);
          g_once_init_leave (&shipped, list);
          return shipped;
        }

      root = json_parser_get_root (parser);
      clauses = JSON_NODE_HOLDS_OBJECT (root) ? json_object_get_member (json_node_get_object (root), "clauses") : NULL;
      if (clauses == NULL || !JSON_NODE_HOLDS_ARRAY (clauses))
        g_critical ("The clause library %s has no \"clauses\" array", LIBRARY_RESOURCE);
      else
        {
          JsonArray *array = json_node_get_array (clauses);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *element = json_array_get_element (array, i);
              JsonObject *object;
              CwbAgreementClause *clause;
              CwbAgreementItem item;

              if (!JSON_NODE_HOLDS_OBJECT (element))
                {
                  g_critical ("%s: clauses[%u] is not an object", LIBRARY_RESOURCE, i);
                  continue;
                }

              object = json_node_get_object (element);
              if (member_string (object, "id") == NULL ||
                  !cwb_agreement_item_from_key (member_string (object, "item"), &item) ||
                  cwb_text_is_blank (member_string (object, "title")) ||
                  cwb_text_is_blank (member_string (object, "text")))
                {
                  g_critical ("%s: clauses[%u] needs an id, a known item, a title and a text",
                              LIBRARY_RESOURCE, i);
                  continue;
                }

              clause = g_new0 (CwbAgreementClause, 1);
              clause->id = g_strdup (member_string (object, "id"));
              clause->item = item;
              clause->title = g_strdup (member_string (object, "title"));
              clause->note = g_strdup (member_string (object, "note"));
              clause->text = g_strdup (member_string (object, "text"));
              g_ptr_array_add (list, clause);
            }
        }

      g_once_init_leave (&shipped, list);
    }

  return shipped;
}

GPtrArray *
cwb_agreement_library_list_shipped (CwbAgreementItem item)
{
  GPtrArray *shipped = get_shipped ();
  GPtrArray *list;

  g_return_val_if_fail ((guint) item < cwb_agreement_get_n_items (), NULL);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) cwb_agreement_clause_free);
  for (guint i = 0; i < shipped->len; i++)
    {
      CwbAgreementClause *clause = g_ptr_array_index (shipped, i);

      if (clause->item == item)
        g_ptr_array_add (list, cwb_agreement_clause_copy (clause));
    }

  return list;
}

/* The user's clauses */

static CwbAgreementClause *
user_clause_new (gint64            id,
                 CwbAgreementItem  item,
                 const char       *title,
                 const char       *note,
                 const char       *text)
{
  CwbAgreementClause *clause = g_new0 (CwbAgreementClause, 1);

  clause->id = g_strdup_printf ("user-%" G_GINT64_FORMAT, id);
  clause->item = item;
  clause->title = g_strdup (title);
  clause->note = g_strdup (note);
  clause->text = g_strdup (text);
  clause->user_id = id;

  return clause;
}

typedef struct
{
  GPtrArray        *list;
  CwbAgreementItem  item;
} ListData;

static void
add_user_clause (gint64      id,
                 const char *title,
                 const char *note,
                 const char *text,
                 gpointer    user_data)
{
  ListData *data = user_data;

  g_ptr_array_add (data->list, user_clause_new (id, data->item, title, note, text));
}

GPtrArray *
cwb_agreement_library_list (CwbStore          *store,
                            CwbAgreementItem   item,
                            GError           **error)
{
  g_autoptr(GPtrArray) list = NULL;
  ListData data;

  g_return_val_if_fail (store == NULL || CWB_IS_STORE (store), NULL);
  g_return_val_if_fail ((guint) item < cwb_agreement_get_n_items (), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  list = cwb_agreement_library_list_shipped (item);
  if (store == NULL)
    return g_steal_pointer (&list);

  data.list = list;
  data.item = item;
  if (!_cwb_agreement_store_list_clauses (store, cwb_agreement_item_to_key (item), add_user_clause,
                                          &data, error))
    return NULL;

  return g_steal_pointer (&list);
}

CwbAgreementClause *
cwb_agreement_library_save (CwbStore          *store,
                            CwbAgreementItem   item,
                            const char        *title,
                            const char        *note,
                            const char        *text,
                            GError           **error)
{
  g_autofree char *clean_title = NULL;
  g_autofree char *clean_note = NULL;
  gint64 id = 0;

  g_return_val_if_fail (CWB_IS_STORE (store), NULL);
  g_return_val_if_fail ((guint) item < cwb_agreement_get_n_items (), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (cwb_text_is_blank (title))
    {
      g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID, _("The clause needs a title."));
      return NULL;
    }
  if (cwb_text_is_blank (text))
    {
      g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID, _("The clause has no text."));
      return NULL;
    }

  clean_title = g_strstrip (g_strdup (title));
  if (!cwb_text_is_blank (note))
    clean_note = g_strstrip (g_strdup (note));

  if (!_cwb_agreement_store_insert_clause (store, cwb_agreement_item_to_key (item), clean_title,
                                           clean_note, text, &id, error))
    return NULL;

  return user_clause_new (id, item, clean_title, clean_note, text);
}

gboolean
cwb_agreement_library_delete (CwbStore  *store,
                              gint64     user_id,
                              GError   **error)
{
  gboolean deleted = FALSE;

  g_return_val_if_fail (CWB_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_cwb_agreement_store_delete_clause (store, user_id, &deleted, error))
    return FALSE;

  if (!deleted)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND,
                   _("There is no saved clause %lld."), (long long) user_id);
      return FALSE;
    }

  return TRUE;
}
