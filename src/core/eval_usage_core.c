/*
 * eval_usage_core.c - parse and print sets of uses.
 */
#include "eval_usage_core.h"
#include "number.h"

#include <stdio.h>
#include <string.h>

static const char *const canonical[USAGE_KINDS] = {
	"political_decision", "action_plan", "budget_process", "other"
};

/* Every accepted word and its bit: English, Swedish, Norwegian (bokmål). */
static const struct
{
	const char *word;
	int			bit;
} words[] = {
	{"political_decision", 0}, {"politiskt_beslut", 0}, {"politisk_vedtak", 0},
	{"action_plan", 1}, {"handlingsplan", 1},
	{"budget_process", 2}, {"budget_och_m\xC3\xA5lprocess", 2}, {"budsjett_og_m\xC3\xA5lprosess", 2},
	{"other", 3}, {"annat", 3}, {"annet", 3},
};

const char *
usage_word(int i)
{
	return (i >= 0 && i < USAGE_KINDS) ? canonical[i] : NULL;
}

/* ASCII letters fold to lower case, and so does Å (C3 85 -> C3 A5). */
static bool
equal_folded(const char *a, size_t alen, const char *word)
{
	size_t		wlen = strlen(word);

	if (alen != wlen)
		return false;
	for (size_t i = 0; i < alen; i++)
	{
		unsigned char c = (unsigned char) a[i];

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char) (c - 'A' + 'a');
		else if (c == 0x85 && i > 0 && (unsigned char) a[i - 1] == 0xC3)
			c = 0xA5;
		if (c != (unsigned char) word[i])
			return false;
	}
	return true;
}

int
usage_lookup(const char *word, size_t len)
{
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (equal_folded(word, len, words[i].word))
			return words[i].bit;
	return -1;
}

/* A word: anything up to a comma, a brace, a quote or white space. */
static bool
word_char(char c)
{
	return c != '\0' && c != ',' && c != '{' && c != '}' && c != '"' && !scan_is_space(c);
}

UsageError
usage_parse(const char *text, uint8_t *out, ScanError *err)
{
	const char *p = scan_skip_space(text);
	uint8_t		bits = 0;

	if (*p != '{')
		return scan_error_here(err, text, p, NULL), USAGE_ERR_SYNTAX;
	p = scan_skip_space(p + 1);
	if (*p != '}')
	{
		for (;;)
		{
			const char *w;
			size_t		len;
			int			bit;
			bool		quoted = (*p == '"');

			if (quoted)
				p++;
			w = p;
			while (word_char(*p))
				p++;
			len = (size_t) (p - w);
			if (quoted)
			{
				if (*p != '"')
					return scan_error_here(err, text, p, NULL), USAGE_ERR_SYNTAX;
				p++;
			}
			if (len == 0)
				return scan_error_here(err, text, w, NULL), USAGE_ERR_SYNTAX;
			bit = usage_lookup(w, len);
			if (bit < 0)
			{
				scan_error_here(err, text, w, NULL);
				if (err)
				{
					err->word_start = (size_t) (w - text);
					err->word_len = len;
				}
				return USAGE_ERR_UNKNOWN_WORD;
			}
			bits |= (uint8_t) (1u << bit);
			p = scan_skip_space(p);
			if (*p == ',')
			{
				p = scan_skip_space(p + 1);
				continue;
			}
			if (*p == '}')
				break;
			return scan_error_here(err, text, p, NULL), USAGE_ERR_SYNTAX;
		}
	}
	p = scan_skip_space(p + 1);
	if (*p != '\0')
		return scan_error_here(err, text, p, NULL), USAGE_ERR_SYNTAX;
	*out = bits;
	return USAGE_OK;
}

size_t
usage_format(uint8_t bits, char *buf, size_t buflen)
{
	size_t		len = 0;
	bool		first = true;

	len += (size_t) snprintf(buf + len, buflen - len, "{");
	for (int i = 0; i < USAGE_KINDS; i++)
	{
		if (!(bits & (1u << i)))
			continue;
		len += (size_t) snprintf(buf + len, buflen - len, "%s%s", first ? "" : ",", canonical[i]);
		first = false;
	}
	len += (size_t) snprintf(buf + len, buflen - len, "}");
	return len;
}

UsageError
usage_decode(const uint8_t *buf, size_t len, uint8_t *out)
{
	if (len != 2 || buf[0] != USAGE_FORMAT_VERSION || (buf[1] & ~USAGE_ALL) != 0)
		return USAGE_ERR_BINARY;
	*out = buf[1];
	return USAGE_OK;
}
