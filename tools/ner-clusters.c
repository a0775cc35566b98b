/* ner-clusters: Brown clustering (Brown et al., "Class-based n-gram
 * models of natural language", 1992) of the words of plain text and
 * CoNLL files, for the entity tagger's cluster features.  The words are
 * tagger tokens (lib/entity/token.h) in ner_form(), taken in order of
 * frequency: the C most frequent start as clusters of their own; each
 * further word joins as a new cluster and the pair of clusters whose
 * merge loses the least mutual information between adjacent clusters is
 * merged, so C clusters remain (the window of Liang's thesis, 2005, ch.
 * 3).  Merging the last C clusters down to one gives the tree whose
 * paths (0: first child, 1: second) are the words' bit strings.
 *
 * Every loss is kept in a C x C table and updated in O(1) a pair after a
 * merge or an addition, so a word costs O(C^2); ties go to the lowest
 * slots, and the counts are summed in one order: the output depends only
 * on the input and the options. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conll.h"
#include "diag.h"
#include "entity/ner.h"
#include "entity/token.h"
#include "keymap.h"
#include "mem.h"
#include "opt.h"

static const char synopsis[] =
    "[-c CLASSES] [-m MINCOUNT] [-t CONLL]... -o FILE TEXT...";
static const char help[] =
    "Brown clusters of the words of TEXT files (a document a line) and of\n"
    "CoNLL-2003 files, as lines BITS<TAB>WORD (most frequent first).\n"
    "\n"
    "  -c CLASSES   clusters, the leaves of the tree (default 512)\n"
    "  -m MINCOUNT  cluster words seen at least this often (default 2)\n"
    "  -t CONLL     also read the tokens of this CoNLL file (repeatable)\n"
    "  -o FILE      output file\n"
    "\n"
    "Example:\n"
    "  ner-clusters -c 512 -t train.txt -o clusters.tsv news.txt\n";

/* ---- the corpus: word numbers, -1 between documents ---- */

static struct keymap vocab;	/* form -> word number (before sorting) */
static unsigned long *count;
static size_t countcap;
static long *seq;
static size_t nseq, seqcap;

static void
put_word(const char *s, size_t n)
{
	static struct buf f = BUF_INIT;
	struct keyent *e;
	size_t had = vocab.n;

	buf_reset(&f);
	ner_form(&f, s, n);
	e = keymap_get(&vocab, f.s, f.len, vocab.n);
	count = egrow(count, &countcap, vocab.n, sizeof *count);
	if (vocab.n > had)
		count[e->val] = 0;
	count[e->val]++;
	seq = egrow(seq, &seqcap, nseq + 1, sizeof *seq);
	seq[nseq++] = (long)e->val;
}

static void
end_doc(void)
{
	seq = egrow(seq, &seqcap, nseq + 1, sizeof *seq);
	seq[nseq++] = -1;
}

/* WikiText writes a joining hyphen, comma or point as " @-@ " and so on;
 * undo it so its words are the tokeniser's. */
static void
unescape(char *s)
{
	char *r = s, *w = s;

	while (*r) {
		if (r[0] == ' ' && r[1] == '@' && r[2] && r[3] == '@' &&
		    r[4] == ' ' && strchr("-,.", r[2])) {
			*w++ = r[2];
			r += 5;
		} else
			*w++ = *r++;
	}
	*w = '\0';
}

static void
read_text(const char *path)
{
	struct token_list tl = TOKEN_LIST_INIT;
	FILE *fp;
	char *line = NULL;
	size_t cap = 0, i;
	ssize_t len;

	if ((fp = fopen(path, "r")) == NULL)
		die(1, "%s:", path);
	while ((len = getline(&line, &cap, fp)) != -1) {
		unescape(line);
		token_split(line, strlen(line), &tl);
		for (i = 0; i < tl.n; i++)
			put_word(line + tl.v[i].off, tl.v[i].len);
		end_doc();
	}
	if (ferror(fp))
		die(1, "%s:", path);
	fclose(fp);
	free(line);
	token_list_free(&tl);
}

static void
read_conll(const char *path)
{
	struct conll c;
	size_t s, i;

	conll_read(&c, path);
	for (s = 0; s < c.nsent; s++) {
		for (i = c.sent[s]; i < c.sent[s + 1]; i++)
			put_word(c.w[i].s, c.w[i].len);
		end_doc();
	}
	conll_free(&c);
}

/* ---- words by frequency, bigrams ---- */

static size_t nword;		/* words clustered: ranks 0..nword-1 */
static size_t *byrank;		/* rank -> word number */
static long *rank;		/* word number -> rank, -1: too rare */

static int
cmp_rank(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	if (count[x] != count[y])
		return count[x] > count[y] ? -1 : 1;
	return strcmp(keymap_key(&vocab, &vocab.e[x]),
	    keymap_key(&vocab, &vocab.e[y]));
}

static void
rank_words(unsigned long minc)
{
	size_t i;

	byrank = emalloc((vocab.n + 1) * sizeof *byrank);
	rank = emalloc((vocab.n + 1) * sizeof *rank);
	for (i = 0; i < vocab.n; i++)
		byrank[i] = i;
	qsort(byrank, vocab.n, sizeof *byrank, cmp_rank);
	for (i = 0; i < vocab.n; i++)
		rank[byrank[i]] = -1;
	for (nword = 0; nword < vocab.n && count[byrank[nword]] >= minc; nword++)
		rank[byrank[nword]] = (long)nword;
}

/* Neighbours of each word (by rank) with bigram counts: right[u] are
 * the words after u, left[v] the words before v. */
struct adj {
	size_t *start;		/* word r: nb[start[r]..start[r+1]) */
	uint32_t *nb;
	uint32_t *n;
};

static struct adj right, left;
static double *pl, *pr;		/* marginals: bigrams starting, ending here */
static double total;

static int
cmp_pair(const void *a, const void *b)
{
	const uint32_t *x = a, *y = b;

	if (x[0] != y[0])
		return x[0] < y[0] ? -1 : 1;
	return x[1] < y[1] ? -1 : x[1] > y[1];
}

/* pairs[2k], pairs[2k+1]: every bigram once, sorted; into adjacency. */
static void
build_adj(struct adj *a, uint32_t *pairs, size_t np, int col)
{
	size_t i, j, k;

	for (i = 0; i < np; i++)
		if (col) {
			uint32_t t = pairs[2 * i];

			pairs[2 * i] = pairs[2 * i + 1];
			pairs[2 * i + 1] = t;
		}
	qsort(pairs, np, 2 * sizeof *pairs, cmp_pair);
	a->start = ecalloc(nword + 1, sizeof *a->start);
	a->nb = emalloc((np + 1) * sizeof *a->nb);
	a->n = emalloc((np + 1) * sizeof *a->n);
	for (i = 0, k = 0; i < np; i = j) {
		for (j = i; j < np && pairs[2 * j] == pairs[2 * i] &&
		    pairs[2 * j + 1] == pairs[2 * i + 1]; j++)
			;
		a->nb[k] = pairs[2 * i + 1];
		a->n[k] = (uint32_t)(j - i);
		a->start[pairs[2 * i] + 1] = ++k;
	}
	for (i = 1; i <= nword; i++)
		if (a->start[i] < a->start[i - 1])
			a->start[i] = a->start[i - 1];
}

static void
bigrams(void)
{
	uint32_t *pairs = emalloc((nseq + 1) * 2 * sizeof *pairs);
	size_t i, np = 0;
	long a, b;

	pl = ecalloc(nword + 1, sizeof *pl);
	pr = ecalloc(nword + 1, sizeof *pr);
	for (i = 0; i + 1 < nseq; i++) {
		if (seq[i] < 0 || seq[i + 1] < 0)
			continue;
		if ((a = rank[seq[i]]) < 0 || (b = rank[seq[i + 1]]) < 0)
			continue;
		pairs[2 * np] = (uint32_t)a;
		pairs[2 * np + 1] = (uint32_t)b;
		np++;
		pl[a]++;
		pr[b]++;
	}
	total = (double)np;
	for (i = 0; i < nword; i++) {
		pl[i] /= total;
		pr[i] /= total;
	}
	build_adj(&right, pairs, np, 0);
	build_adj(&left, pairs, np, 1);
	free(pairs);
}

/* ---- the clusters of the window ---- */

static size_t K;		/* slots: C + 1 */
static double *P, *Q, *L;	/* K x K: joint, its MI term, merge loss */
static double *cpl, *cpr, *S;	/* per slot: marginals, MI terms of it */
static int *act;
static long *node;		/* slot -> tree node */
static long *slot_of;		/* word rank -> slot */
static long *head, *tail, *nxt;	/* each slot's words, a list */
static size_t *size;

#define AT(M, i, j)	((M)[(size_t)(i) * K + (size_t)(j)])

static double
q(double p, double l, double r)
{
	return p > 0 ? p * log(p / (l * r)) : 0;
}

/* MI terms of slots a and b merged, over the active slots. */
static double
merged_terms(size_t a, size_t b)
{
	double l = cpl[a] + cpl[b], r = cpr[a] + cpr[b], s;
	size_t y;

	s = q(AT(P, a, a) + AT(P, a, b) + AT(P, b, a) + AT(P, b, b), l, r);
	for (y = 0; y < K; y++)
		if (act[y] && y != a && y != b)
			s += q(AT(P, a, y) + AT(P, b, y), l, cpr[y]) +
			    q(AT(P, y, a) + AT(P, y, b), cpl[y], r);
	return s;
}

static void
set_loss(size_t a, size_t b)
{
	double v = S[a] + S[b] - AT(Q, a, b) - AT(Q, b, a) - merged_terms(a, b);

	AT(L, a, b) = AT(L, b, a) = v;
}

/* The terms that slot z adds to the loss of merging i and j. */
static double
with(size_t i, size_t j, size_t z)
{
	return AT(Q, i, z) + AT(Q, z, i) + AT(Q, j, z) + AT(Q, z, j) -
	    q(AT(P, i, z) + AT(P, j, z), cpl[i] + cpl[j], cpr[z]) -
	    q(AT(P, z, i) + AT(P, z, j), cpl[z], cpr[i] + cpr[j]);
}

/* Every pair of active slots but those with x or y, with f applied. */
static void
each_other_pair(size_t x, size_t y, double sign)
{
	size_t i, j;

	for (i = 0; i < K; i++) {
		if (!act[i] || i == x || i == y)
			continue;
		for (j = i + 1; j < K; j++) {
			if (!act[j] || j == x || j == y)
				continue;
			AT(L, i, j) += sign * with(i, j, x);
			if (y != x)
				AT(L, i, j) += sign * with(i, j, y);
			AT(L, j, i) = AT(L, i, j);
		}
	}
}

/* The Q row and column and S of slot z from P; S of the others gains
 * z's terms. */
static void
fill_terms(size_t z)
{
	size_t x;

	S[z] = 0;
	for (x = 0; x < K; x++) {
		if (!act[x])
			continue;
		AT(Q, z, x) = q(AT(P, z, x), cpl[z], cpr[x]);
		AT(Q, x, z) = q(AT(P, x, z), cpl[x], cpr[z]);
	}
	for (x = 0; x < K; x++) {
		if (!act[x])
			continue;
		S[z] += AT(Q, z, x) + AT(Q, x, z);
		if (x != z)
			S[x] += AT(Q, z, x) + AT(Q, x, z);
	}
	S[z] -= AT(Q, z, z);
}

static void
losses_of(size_t z)
{
	size_t x;

	for (x = 0; x < K; x++)
		if (act[x] && x != z)
			set_loss(z, x);
}

/* Word r (by rank) becomes a cluster of its own in free slot z. */
static void
add_word(size_t r, size_t z, long nd)
{
	size_t k, x;
	long s;

	for (x = 0; x < K; x++)
		AT(P, z, x) = AT(P, x, z) = AT(Q, z, x) = AT(Q, x, z) = 0;
	slot_of[r] = (long)z;
	head[z] = tail[z] = (long)r;
	nxt[r] = -1;
	size[z] = 1;
	node[z] = nd;
	cpl[z] = pl[r];
	cpr[z] = pr[r];
	for (k = right.start[r]; k < right.start[r + 1]; k++)
		if ((s = slot_of[right.nb[k]]) >= 0)
			AT(P, z, s) += right.n[k] / total;
	for (k = left.start[r]; k < left.start[r + 1]; k++)
		if ((s = slot_of[left.nb[k]]) >= 0 && left.nb[k] != r)
			AT(P, s, z) += left.n[k] / total;
	act[z] = 1;
	fill_terms(z);
	each_other_pair(z, z, 1);
	losses_of(z);
}

/* The pair of active slots with the least loss. */
static void
best_pair(size_t *pa, size_t *pb)
{
	size_t i, j;
	double best = HUGE_VAL;

	*pa = *pb = 0;
	for (i = 0; i < K; i++) {
		if (!act[i])
			continue;
		for (j = i + 1; j < K; j++)
			if (act[j] && AT(L, i, j) < best) {
				best = AT(L, i, j);
				*pa = i;
				*pb = j;
			}
	}
}

/* Merge slot b into slot a; slot b is free afterwards. */
static void
merge(size_t a, size_t b, long nd)
{
	size_t x;
	long w;

	each_other_pair(a, b, -1);
	for (x = 0; x < K; x++) {
		if (!act[x] || x == a || x == b)
			continue;
		S[x] -= AT(Q, x, a) + AT(Q, a, x) + AT(Q, x, b) + AT(Q, b, x);
	}
	AT(P, a, a) += AT(P, a, b) + AT(P, b, a) + AT(P, b, b);
	for (x = 0; x < K; x++) {
		if (x == a || x == b)
			continue;
		AT(P, a, x) += AT(P, b, x);
		AT(P, x, a) += AT(P, x, b);
	}
	cpl[a] += cpl[b];
	cpr[a] += cpr[b];
	act[b] = 0;
	for (x = 0; x < K; x++)
		AT(P, b, x) = AT(P, x, b) = AT(Q, b, x) = AT(Q, x, b) = 0;
	for (w = head[b]; size[b] && w >= 0; w = nxt[w])
		slot_of[w] = (long)a;
	if (size[b]) {
		nxt[tail[a]] = head[b];
		tail[a] = tail[b];
		size[a] += size[b];
		size[b] = 0;
	}
	node[a] = nd;
	fill_terms(a);
	each_other_pair(a, a, 1);
	losses_of(a);
}

/* ---- the tree ---- */

static long *parent;		/* node -> parent, -1: root */
static char *side;		/* node -> '0' or '1' under its parent */
static long nnode;

static long
new_node(long c0, long c1)
{
	long n = nnode++;

	parent[n] = -1;
	if (c0 >= 0) {
		parent[c0] = n;
		side[c0] = '0';
		parent[c1] = n;
		side[c1] = '1';
	}
	return n;
}

/* Bits of node n from the root, into buf (reversed walk). */
static void
bits_of(long n, struct buf *b)
{
	size_t i, j;
	char t;

	buf_reset(b);
	for (; parent[n] >= 0; n = parent[n])
		buf_addc(b, side[n]);
	for (i = 0, j = b->len; i + 1 < j; i++, j--) {
		t = b->s[i];
		b->s[i] = b->s[j - 1];
		b->s[j - 1] = t;
	}
	if (b->len == 0)
		buf_addc(b, '0');
}

static long *leaf_of;		/* word rank -> leaf node of its cluster */

static void
cluster(size_t c)
{
	size_t r, a, b, z;
	long w;

	K = c + 1;
	P = ecalloc(K * K, sizeof *P);
	Q = ecalloc(K * K, sizeof *Q);
	L = ecalloc(K * K, sizeof *L);
	cpl = ecalloc(K, sizeof *cpl);
	cpr = ecalloc(K, sizeof *cpr);
	S = ecalloc(K, sizeof *S);
	act = ecalloc(K, sizeof *act);
	node = ecalloc(K, sizeof *node);
	head = ecalloc(K, sizeof *head);
	tail = ecalloc(K, sizeof *tail);
	size = ecalloc(K, sizeof *size);
	slot_of = emalloc((nword + 1) * sizeof *slot_of);
	nxt = emalloc((nword + 1) * sizeof *nxt);
	leaf_of = emalloc((nword + 1) * sizeof *leaf_of);
	parent = emalloc((2 * K + 1) * sizeof *parent);
	side = emalloc(2 * K + 1);
	for (r = 0; r < nword; r++)
		slot_of[r] = -1;
	for (r = 0; r < nword; r++) {
		for (z = 0; z < K && act[z]; z++)
			;
		add_word(r, z, -1);
		if (r + 1 > c) {
			best_pair(&a, &b);
			merge(a, b, -1);
		}
		if (r % 1000 == 999)
			fprintf(stderr, "ner-clusters: %zu of %zu words\n", r + 1,
			    nword);
	}
	/* the final clusters are the leaves; merging them builds the tree */
	for (z = 0; z < K; z++)
		if (act[z]) {
			node[z] = new_node(-1, -1);
			for (w = head[z]; w >= 0; w = nxt[w])
				leaf_of[w] = node[z];
		}
	for (;;) {
		for (a = 0, z = 0; z < K; z++)
			a += act[z] != 0;
		if (a < 2)
			break;
		best_pair(&a, &b);
		merge(a, b, new_node(node[a], node[b]));
	}
}

static void
write_clusters(const char *path, char **inputs, size_t ninputs, size_t c,
    unsigned long minc)
{
	struct buf b = BUF_INIT;
	FILE *fp;
	size_t r, k;

	if ((fp = fopen(path, "w")) == NULL)
		die(1, "%s:", path);
	fprintf(fp, "# Brown clusters (tools/ner-clusters -c %zu -m %lu) of %zu words from:\n",
	    c, minc, nword);
	for (k = 0; k < ninputs; k++) {
		const char *base = strrchr(inputs[k], '/');

		fprintf(fp, "#   %s\n", base ? base + 1 : inputs[k]);
	}
	fprintf(fp, "# bits<TAB>word, the words by frequency\n");
	for (r = 0; r < nword; r++) {
		bits_of(leaf_of[r], &b);
		fprintf(fp, "%s\t%s\n", b.s,
		    keymap_key(&vocab, &vocab.e[byrank[r]]));
	}
	if (fclose(fp) == EOF)
		die(1, "%s:", path);
	buf_free(&b);
}

int
main(int argc, char **argv)
{
	char *conlls[16], *inputs[48];
	const char *out = NULL;
	size_t c = 512, nconll = 0, ninputs = 0, k;
	unsigned long minc = 2;
	char *end;
	int ch;

	diag_init(argv[0]);
	opt_usage(synopsis, help);
	while ((ch = opt_next(argc, argv, "hc:m:t:o:", NULL)) != -1) {
		switch (ch) {
		case 'c':
			c = strtoul(optarg, &end, 10);
			if (*end || c < 2 || c > 4096)
				opt_bad("bad -c '%s': want 2 to 4096", optarg);
			break;
		case 'm':
			minc = strtoul(optarg, &end, 10);
			if (*end || minc < 1)
				opt_bad("bad -m '%s'", optarg);
			break;
		case 't':
			if (nconll == 16)
				opt_bad("at most 16 -t files");
			conlls[nconll++] = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		default:
			opt_bad(NULL);
		}
	}
	if (!out || argc - optind < 1 || argc - optind > 32)
		opt_bad(NULL);
	for (k = (size_t)optind; k < (size_t)argc; k++) {
		read_text(argv[k]);
		inputs[ninputs++] = argv[k];
	}
	for (k = 0; k < nconll; k++) {
		read_conll(conlls[k]);
		inputs[ninputs++] = conlls[k];
	}
	rank_words(minc);
	fprintf(stderr, "ner-clusters: %zu tokens, %zu words, %zu seen %lu times or more\n",
	    nseq, vocab.n, nword, minc);
	bigrams();
	if (c > nword)
		c = nword;
	cluster(c);
	write_clusters(out, inputs, ninputs, c, minc);
	return 0;
}
