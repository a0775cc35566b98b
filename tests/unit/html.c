/* Unit test of html_is_page (lib/html/html.c): a page by its first bytes. */
#include <stdio.h>
#include <string.h>

#include "html/html.h"

static int failed;

static void
check(const char *what, const char *s, size_t n, int want)
{
	if (html_is_page(s, n) != want)
		printf("FAIL %s: got %d\n", what, !want), failed = 1;
}

#define S(lit) lit, sizeof lit - 1

int
main(void)
{
	check("doctype", S("<!DOCTYPE html><html>"), 1);
	check("doctype lower", S("<!doctype html>"), 1);
	check("doctype html 4", S("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">"), 1);
	check("html", S("<html lang=\"en\">"), 1);
	check("HTML", S("<HTML>"), 1);
	check("head", S("<head><title>x</title>"), 1);
	check("blank first", S("\r\n \t <html>"), 1);
	check("comment first", S("<!-- saved from url=(0014)about:internet -->\n<html>"), 1);
	check("two comments", S("<!-- a --><!-- b --> <!DOCTYPE html>"), 1);
	check("xml declaration", S("<?xml version=\"1.0\"?>\n<!DOCTYPE html>"), 1);
	check("bom", S("\xef\xbb\xbf<!DOCTYPE html>"), 1);
	check("utf-16le bom", S("\xff\xfe<\0h\0t\0m\0l\0>\0"), 1);
	check("utf-16be bom", S("\xfe\xff\0<\0h\0t\0m\0l\0>"), 1);
	check("htmlx is not html", S("<htmlx>"), 0);
	check("header is not head", S("<header>"), 0);
	check("doctype other", S("<!DOCTYPE svg>"), 0);
	check("text", S("Title\n\nBody <html> later."), 0);
	check("bold", S("<b>Bold</b> words"), 0);
	check("unclosed comment", S("<!-- never closed <html>"), 0);
	check("empty", S(""), 0);
	check("just <", S("<"), 0);
	if (!failed)
		puts("html: ok");
	return failed;
}
