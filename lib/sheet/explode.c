/* --explode: one row per distinct entity or per date expression of a
 * record, after the record's own columns. */
#include <stdlib.h>
#include <jansson.h>

#include "buf.h"
#include "diag.h"
#include "mem.h"
#include "sheet/internal.h"

/* Where entities are found when a record has no "entities" array. */
static const struct {
	const char *key, *type;
} entity_lists[] = {
	{ "persons", "PER" }, { "organizations", "ORG" },
	{ "locations", "LOC" }, { "misc", "MISC" }
};

/* Count one mention of (name, type).  Entities from the name lists are
 * not counted: count is their entity_counts value, or NULL. */
static void
add_entity(struct sheet *t, const json_t *name, const json_t *type, int counted,
    const json_t *count)
{
	struct sheet_entity *e;
	const char *ty = type ? json_string_value(type) : "";
	size_t tlen = type ? json_string_length(type) : 0;
	json_t *at;

	/* The key is type, NUL, name: no two entities share one. */
	buf_reset(&t->key);
	buf_add(&t->key, ty, tlen);
	buf_addc(&t->key, '\0');
	buf_add(&t->key, json_string_value(name), json_string_length(name));
	if ((at = json_object_getn(t->seen, t->key.s, t->key.len))) {
		t->ents[json_integer_value(at)].mentions++;
		return;
	}
	if (json_object_setn_new(t->seen, t->key.s, t->key.len,
	    json_integer((json_int_t)t->nents)) != 0)
		die(1, "out of memory");
	t->ents = egrow(t->ents, &t->capents, t->nents + 1, sizeof *t->ents);
	e = &t->ents[t->nents++];
	e->name = json_string_value(name);
	e->namelen = json_string_length(name);
	e->type = ty;
	e->typelen = tlen;
	e->mentions = 1;
	e->counted = counted;
	e->count = count;
}

/* A string that lives until the next record. */
static json_t *
keep_string(struct sheet *t, const char *s)
{
	json_t *j = json_string(s);

	if (!j || json_array_append_new(t->keep, j) != 0)
		die(1, "out of memory");
	return j;
}

/* The name lists with entity_counts, or else entity_counts alone. */
static void
collect_listed(struct sheet *t, const json_t *rec, const json_t *counts)
{
	const json_t *v, *type, *list;
	const char *k;
	size_t i, j;
	int lists = 0;

	for (j = 0; j < LEN(entity_lists); j++) {
		list = json_object_get(rec, entity_lists[j].key);
		if (!json_is_array(list))
			continue;
		lists = 1;
		type = keep_string(t, entity_lists[j].type);
		json_array_foreach(list, i, v)
			if (json_is_string(v))
				add_entity(t, v, type, 0, counts
				    ? json_object_get(counts, json_string_value(v)) : NULL);
	}
	if (lists || !counts)
		return;
	json_object_foreach((json_t *)counts, k, v)
		add_entity(t, keep_string(t, k), NULL, 0, v);
}

/* Distinct entities of rec, first seen first: from the mentions in
 * "entities" (canonical name, else the text), or else from the name lists
 * with entity_counts, or else from entity_counts alone. */
static void
collect_entities(struct sheet *t, const json_t *rec)
{
	const json_t *ents = json_object_get(rec, "entities");
	const json_t *counts = json_object_get(rec, "entity_counts");
	const json_t *v, *name, *type;
	size_t i;

	t->nents = 0;
	json_object_clear(t->seen);
	json_array_clear(t->keep);
	if (!json_is_object(counts))
		counts = NULL;
	if (!json_is_array(ents)) {
		collect_listed(t, rec, counts);
		return;
	}
	json_array_foreach(ents, i, v) {
		name = json_object_get(v, "canonical");
		if (!json_is_string(name))
			name = json_object_get(v, "text");
		type = json_object_get(v, "type");
		if (json_is_string(name))
			add_entity(t, name, json_is_string(type) ? type : NULL, 1, NULL);
	}
}

void
sheet_explode_entities(struct sheet *t, const json_t *rec)
{
	size_t i, c = t->ncols;

	collect_entities(t, rec);
	for (i = 0; i < t->nents; i++) {
		const struct sheet_entity *e = &t->ents[i];

		sheet_set_text(t, c, e->name, e->namelen, "entity");
		sheet_set_text(t, c + 1, e->type, e->typelen, "type");
		if (e->counted)
			sheet_set_integer(t, c + 2, e->mentions, "mentions");
		else
			sheet_set_value(t, c + 2, e->count, "mentions");
		sheet_emit(t, i > 0);
	}
}

void
sheet_explode_dates(struct sheet *t, const json_t *rec)
{
	const json_t *dates = json_object_get(rec, "dates"), *d;
	size_t i, j;

	if (!json_is_array(dates))
		return;
	json_array_foreach(dates, i, d) {
		for (j = 0; j < t->nextra; j++) {
			if (json_is_object(d))
				sheet_set_value(t, t->ncols + j, json_object_get(d, t->extra[j]), t->extra[j]);
			else
				sheet_set_value(t, t->ncols + j, j == 0 ? d : NULL, t->extra[j]);
		}
		sheet_emit(t, i > 0);
	}
}

void
sheet_explode_reads(struct sheet *t)
{
	size_t j;

	if (t->o.explode == SHEET_DATES)
		sheet_read_field(t, "dates");
	if (t->o.explode != SHEET_ENTITIES)
		return;
	sheet_read_field(t, "entities");
	sheet_read_field(t, "entity_counts");
	for (j = 0; j < LEN(entity_lists); j++)
		sheet_read_field(t, entity_lists[j].key);
}

void
sheet_free_explode(struct sheet *t)
{
	free(t->ents);
	t->ents = NULL;
	t->nents = t->capents = 0;
}
