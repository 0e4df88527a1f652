// Package bulletin composes and sends the Observatoire's bulletin: the
// message of one issue to one subscriber in their language, with its
// one-click unsubscribe link, and the sender that works the queue of the
// database at a steady rate. The store keeps the queue (sqlstore); the
// mail package talks to the SMTP server or writes the outbox.
package bulletin

import (
	"html"
	"regexp"
	"strconv"
	"strings"
)

// The body of an issue is plain text that a coordinator writes in a
// textarea: blank lines part paragraphs, a line starting with "## " is a
// heading, lines starting with "- " make a list, and addresses become
// links. The HTML version is made from it, escaped, so nothing a
// coordinator types becomes markup.

var linkRE = regexp.MustCompile(`https?://[^\s<>"]+[^\s<>".,;:!?)\]]`)

// HTML renders a body as HTML (without the page around it), its
// headings at level 2, under the subject's.
func HTML(body string) string { return HTMLAt(body, 2) }

// HTMLAt renders a body with its headings at a level, for a page where
// the body sits deeper (the workspace's preview).
func HTMLAt(body string, level int) string {
	h := "h" + strconv.Itoa(min(max(level, 1), 6))
	var b strings.Builder
	for _, block := range blocks(body) {
		lines := strings.Split(block, "\n")
		switch {
		case strings.HasPrefix(lines[0], "## ") && len(lines) == 1:
			b.WriteString("<" + h + ">" + inline(strings.TrimPrefix(lines[0], "## ")) + "</" + h + ">\n")
		case isList(lines):
			b.WriteString("<ul>\n")
			for _, item := range listItems(lines) {
				b.WriteString("<li>" + listItem(item) + "</li>\n")
			}
			b.WriteString("</ul>\n")
		default:
			for i, l := range lines {
				lines[i] = inline(l)
			}
			b.WriteString("<p>" + strings.Join(lines, "<br>\n") + "</p>\n")
		}
	}
	return b.String()
}

// blocks splits a body on blank lines, trimming each block.
func blocks(body string) []string {
	body = strings.ReplaceAll(strings.ReplaceAll(body, "\r\n", "\n"), "\r", "\n")
	var out []string
	for _, b := range regexp.MustCompile(`\n[ \t]*\n`).Split(body, -1) {
		if b = strings.Trim(b, "\n"); strings.TrimSpace(b) != "" {
			out = append(out, strings.TrimRight(b, " \t"))
		}
	}
	return out
}

func isList(lines []string) bool { return strings.HasPrefix(lines[0], "- ") }

// listItems groups a list's lines by item: a line starting with "- "
// opens one, the lines after it continue it.
func listItems(lines []string) [][]string {
	var items [][]string
	for _, l := range lines {
		if item, ok := strings.CutPrefix(l, "- "); ok || len(items) == 0 {
			items = append(items, []string{item})
		} else {
			items[len(items)-1] = append(items[len(items)-1], strings.TrimSpace(l))
		}
	}
	return items
}

// listItem renders an item; one whose only continuation is an address,
// as the proposals write a record, becomes its title linked.
func listItem(lines []string) string {
	if len(lines) == 2 {
		if u := lines[1]; linkRE.FindString(u) == u {
			return `<a href="` + html.EscapeString(u) + `">` + html.EscapeString(lines[0]) + `</a>`
		}
	}
	for i, l := range lines {
		lines[i] = inline(l)
	}
	return strings.Join(lines, "<br>")
}

// inline escapes a line and turns its addresses into links.
func inline(s string) string {
	var b strings.Builder
	last := 0
	for _, m := range linkRE.FindAllStringIndex(s, -1) {
		b.WriteString(html.EscapeString(s[last:m[0]]))
		u := html.EscapeString(s[m[0]:m[1]])
		b.WriteString(`<a href="` + u + `">` + u + `</a>`)
		last = m[1]
	}
	b.WriteString(html.EscapeString(s[last:]))
	return b.String()
}
