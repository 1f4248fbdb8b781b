package extract

import (
	"regexp"
	"strings"
)

// News pages with their site chrome: cookie notice and menus, then a
// breadcrumb "Site > Section > Title", the section, the title, a standfirst,
// the author, a line "By NAME Published DATE N Min Read", an image's file
// name, the article, and from "You Might Also Like" on, lists of other
// articles, the footer and a sign-in prompt.

var (
	breadcrumb = regexp.MustCompile(`^\S.* > .+ > .+$`)
	newsMeta   = regexp.MustCompile(`^(?:By\s+(.+?)\s+)?Published\s+(.+?)(?:\s+\d+\s+Min Read)?$`)
)

// newsPageParts finds the breadcrumb and the meta line after it.
func newsPageParts(lines []string) (crumb, meta int, ok bool) {
	for i, l := range lines {
		if strings.Count(l, " > ") < 2 || !breadcrumb.MatchString(strings.TrimSpace(l)) {
			continue
		}
		for j := i + 1; j < len(lines) && j <= i+20; j++ {
			if newsMeta.MatchString(strings.TrimSpace(lines[j])) {
				return i, j, true
			}
		}
	}
	return 0, 0, false
}

func isNewsPage(lines []string) bool {
	_, _, ok := newsPageParts(lines)
	return ok
}

func segmentNewsPage(lines []string) []Item {
	crumb, meta, _ := newsPageParts(lines)
	parts := strings.Split(strings.TrimSpace(lines[crumb]), " > ")
	it := Item{
		LineStart: crumb + 1,
		Outlet:    parts[0],
		Section:   parts[len(parts)-2],
		Title:     parts[len(parts)-1],
	}
	m := newsMeta.FindStringSubmatch(strings.TrimSpace(lines[meta]))
	it.Byline, it.DateText = splitAuthors(m[1]), m[2]

	// Between breadcrumb and meta: the section and title again, the
	// standfirst, and the author's name alone.
	for _, l := range lines[crumb+1 : meta] {
		l = strings.TrimSpace(l)
		switch {
		case l == "" || l == it.Section || l == m[1]:
		case it.Title != "" && strings.HasPrefix(l, strings.TrimSuffix(it.Title, "…")) && len(it.Paragraphs) == 0:
			it.Title = l // the breadcrumb may shorten a long title
		default:
			it.Paragraphs = append(it.Paragraphs, l)
		}
	}
	it.LineEnd = meta + 1
	for i := meta + 1; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if isFooterStart(l) {
			break
		}
		if l == "" || isImageName(l) || isPlaceholder(l) {
			continue
		}
		it.Paragraphs = append(it.Paragraphs, l)
		it.LineEnd = i + 1
	}
	return []Item{it}
}
