/* facts: what each clean line is, by the tests of lines.c, credit.c and
 * nav.c, worked out once per line and kept: the zones, the headline
 * search and the body all ask the same questions of the same lines. */
#include <stdint.h>
#include <stdlib.h>

#include "article/internal.h"
#include "mem.h"

static struct fact *
fact(struct parse *p, size_t i)
{
	if (!p->facts)
		p->facts = ecalloc(p->cnl + 1, sizeof *p->facts);
	return &p->facts[i];
}

int
art_para_known(struct parse *p, size_t i, size_t *words, size_t *end)
{
	struct fact *x = fact(p, i);

	if (!x->para)
		return 0;
	*words = x->para - 1;
	*end = i + x->span;
	return 1;
}

void
art_para_keep(struct parse *p, size_t i, size_t words, size_t end)
{
	struct fact *x = fact(p, i);

	x->para = (uint32_t)(words < 0xFFFFFFF ? words : 0xFFFFFFF) + 1;
	x->span = (uint32_t)(end - i);
}

/* Line i is the text under a caption's label alone on the line above
 * ("Image caption," then the caption, as a page's label for screen
 * readers copies): a caption, forty words at most. */
static int
under_caption_label(struct parse *p, size_t i)
{
	size_t k = prev_nonblank(p, i);

	return k != NO_LINE && k + 2 >= i && art_caption_label(line_s(p, k), p->cl[k].len)
	    && art_nwords(p, i) <= 40;
}

static int
compute(struct parse *p, size_t i, unsigned f)
{
	const char *s = line_s(p, i);
	size_t n = p->cl[i].len;

	switch (f) {
	case LI_PROSE: return art_is_prose(s, n);
	case LI_PROMPT: return art_is_prompt(s, n);
	case LI_LOGIN: return art_is_login_prompt(s, n);
	case LI_CAPTION: return art_is_caption(s, n, p->cl[i].flags) || under_caption_label(p, i);
	case LI_CREDIT: return art_credit(p, s, n, 0);
	case LI_MARKER: return art_is_marker(s, n);
	case LI_CRUMB: return art_is_breadcrumb(s, n);
	/* a line that goes on a sentence before it ("...payable April /
	 * 15 to holders of record March 31.") is the text's, no date line;
	 * a name's ("Jane Doe, / am 11.12.2022") may be */
	case LI_ANCHOR:
		return art_anchor_line(s, n) && !(art_is(p, i, LI_CONT) && art_nwords(p, i - 1) > 4);
	case LI_CONT: return art_continues(p, i);
	case LI_SKIP: return art_header_line(p, i);
	case LI_HEAD: return art_headline_shape(p, i);
	case LI_FOOTER: return art_footer_line(p, &i, 0) != NULL;
	}
	return 0;
}

int
art_fact(struct parse *p, size_t i, unsigned f)
{
	struct fact *x = fact(p, i);

	x->known |= (uint16_t)f;
	if (compute(p, i, f))
		x->is |= (uint16_t)f;
	return (x->is & f) != 0;
}

size_t
art_nwords(struct parse *p, size_t i)
{
	struct fact *x = fact(p, i);

	if (!x->words)
		x->words = (uint32_t)nwords(line_s(p, i), p->cl[i].len, 41) + 1;
	return x->words - 1;
}
