/* json-tree-compare.h — whether two JSON trees are built alike, for the tests of the consortium file's own parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include <json-glib/json-glib.h>

/* NULL if @a and @b (with parents @pa and @pb) are the same tree: node
 * types, value types and values, members in the same order, each node's
 * parent its container, neither sealed; else where they differ, at @path.
 * (transfer full) */
static inline char *
json_tree_difference (JsonNode   *a,
                      JsonNode   *b,
                      JsonNode   *pa,
                      JsonNode   *pb,
                      const char *path)
{
  if (json_node_get_node_type (a) != json_node_get_node_type (b))
    return g_strdup_printf ("%s: node types %d and %d", path,
                            json_node_get_node_type (a), json_node_get_node_type (b));
  if (json_node_get_parent (a) != pa || json_node_get_parent (b) != pb)
    return g_strdup_printf ("%s: parents differ", path);
  if (json_node_is_immutable (a) != json_node_is_immutable (b))
    return g_strdup_printf ("%s: one is sealed", path);

  switch (json_node_get_node_type (a))
    {
    case JSON_NODE_OBJECT:
      {
        g_autoptr(GList) ka = json_object_get_members (json_node_get_object (a));
        g_autoptr(GList) kb = json_object_get_members (json_node_get_object (b));
        const GList *la = ka;
        const GList *lb = kb;

        for (; la != NULL && lb != NULL; la = la->next, lb = lb->next)
          {
            g_autofree char *sub = g_strdup_printf ("%s.%s", path, (const char *) la->data);
            char *difference;

            if (strcmp (la->data, lb->data) != 0)
              return g_strdup_printf ("%s: keys “%s” and “%s”", path,
                                      (const char *) la->data, (const char *) lb->data);
            difference = json_tree_difference (json_object_get_member (json_node_get_object (a), la->data),
                                               json_object_get_member (json_node_get_object (b), lb->data),
                                               a, b, sub);
            if (difference != NULL)
              return difference;
          }
        if (la != NULL || lb != NULL)
          return g_strdup_printf ("%s: numbers of members differ", path);
        return NULL;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *xa = json_node_get_array (a);
        JsonArray *xb = json_node_get_array (b);

        if (json_array_get_length (xa) != json_array_get_length (xb))
          return g_strdup_printf ("%s: lengths differ", path);
        for (guint i = 0; i < json_array_get_length (xa); i++)
          {
            g_autofree char *sub = g_strdup_printf ("%s[%u]", path, i);
            char *difference = json_tree_difference (json_array_get_element (xa, i),
                                                     json_array_get_element (xb, i), a, b, sub);

            if (difference != NULL)
              return difference;
          }
        return NULL;
      }

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (a) != json_node_get_value_type (b))
        return g_strdup_printf ("%s: value types %s and %s", path,
                                g_type_name (json_node_get_value_type (a)),
                                g_type_name (json_node_get_value_type (b)));
      switch (json_node_get_value_type (a))
        {
        case G_TYPE_STRING:
          if (strcmp (json_node_get_string (a), json_node_get_string (b)) != 0)
            return g_strdup_printf ("%s: “%s” and “%s”", path,
                                    json_node_get_string (a), json_node_get_string (b));
          return NULL;
        case G_TYPE_INT64:
          if (json_node_get_int (a) != json_node_get_int (b))
            return g_strdup_printf ("%s: %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT, path,
                                    json_node_get_int (a), json_node_get_int (b));
          return NULL;
        case G_TYPE_BOOLEAN:
          if (json_node_get_boolean (a) != json_node_get_boolean (b))
            return g_strdup_printf ("%s: booleans differ", path);
          return NULL;
        case G_TYPE_DOUBLE:
          {
            double da = json_node_get_double (a);
            double db = json_node_get_double (b);

            if (memcmp (&da, &db, sizeof da) != 0)
              return g_strdup_printf ("%s: %g and %g", path, da, db);
            return NULL;
          }
        default:
          return g_strdup_printf ("%s: value type %s", path, g_type_name (json_node_get_value_type (a)));
        }

    case JSON_NODE_NULL:
    default:
      return NULL;
    }
}
