package dates

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var retrieved = time.Date(2025, 6, 20, 0, 0, 0, 0, time.UTC)

type want struct {
	text      string
	date      string // "" when unresolved
	precision string
	label     string
}

func (w want) check(t *testing.T, name string, p Parsed, ok bool) {
	t.Helper()
	if !ok {
		t.Errorf("%s(%q) is not a date", name, w.text)
		return
	}
	got := ""
	if p.Resolved {
		got = p.Date.String()
	}
	if got != w.date || p.Precision != w.precision || p.Label != w.label {
		t.Errorf("%s(%q) = %s %s %q, want %s %s %q", name, w.text, got, p.Precision, p.Label, w.date, w.precision, w.label)
	}
}

// The forms Parse read before it read every language: the seeds' goldens
// depend on them.
func TestParseSeedForms(t *testing.T) {
	for _, w := range []want{
		{"Oct 2 2023", "2023-10-02", "day", ""},
		{"Oct 2, 2023", "2023-10-02", "day", ""},
		{"August 22, 2023", "2023-08-22", "day", ""},
		{"Sept. 5, 2024", "2024-09-05", "day", ""},
		{"2 October 2023", "2023-10-02", "day", ""},
		{"18.04.24 15:40", "2024-04-18", "day", ""},
		{"03.02.2025 09:15", "2025-02-03", "day", ""},
		{"2023-10-02", "2023-10-02", "day", ""},
		{"October 2023", "2023-10-01", "month", ""},
		{"Oct 2023", "2023-10-01", "month", ""},
		{"2 октября 2023", "2023-10-02", "day", ""},
		{"27 sentyabr 2020", "2020-09-27", "day", ""},
		{"25 Noyabr 2021", "2021-11-25", "day", ""},
		{"2 Ekim 2023", "2023-10-02", "day", ""},
		{"2 octobre 2023", "2023-10-02", "day", ""},
		{"14 juillet 2023", "2023-07-14", "day", ""},
		{"3. März 2024", "2024-03-03", "day", ""},
		{"1.2.24", "2024-02-01", "day", ""},
		{"10/02/2023", "2023-02-10", "day", ""},
	} {
		p, ok := Parse(w.text, time.Time{})
		w.check(t, "Parse", p, ok)
	}
}

func TestParseForms(t *testing.T) {
	for _, w := range []want{
		{"13-06-2020, 12:10", "2020-06-13", "day", ""},
		{"12.06.2024 14:44", "2024-06-12", "day", ""},
		{"September 23, 2023, 13:42", "2023-09-23", "day", ""},
		// The minutes of a time before a month are no day (found by FuzzFind).
		{"10:30 April 5, 2024", "2024-04-05", "day", ""},
		{"05:05 Apr 05, 2024", "2024-04-05", "day", ""},
		{"10h05 Apr 6, 2024", "2024-04-06", "day", ""},
		{"10:50:05 Apr 7, 2024", "2024-04-07", "day", ""},
		// A clock that ends just before the number leaves it a day.
		{"10:30Z 5 April 2024", "2024-04-05", "day", ""},
		{"29SEP2023", "2023-09-29", "day", ""},
		{"27-Sep-2023", "2023-09-27", "day", ""},
		{"(New York, 9 October 2023)", "2023-10-09", "day", ""},
		{"(Addis Ababa, 3 May 2022)", "2022-05-03", "day", ""},
		{"Published April 17, 2024 | 05:50 PM", "2024-04-17", "day", "published"},
		{"2023-09-27T10:00:00+04:00", "2023-09-27", "day", ""},
		{"2023-09-27T06:00:00.000Z", "2023-09-27", "day", ""},
		{"2023-09-27T10:00:00+0400", "2023-09-27", "day", ""},
		{"2023-09-27 10:00:00", "2023-09-27", "day", ""},
		{"2023/09/27", "2023-09-27", "day", ""},
		{"12:20 / 31.10.2020", "2020-10-31", "day", ""},
		{"20:58, 30 September 2023", "2023-09-30", "day", ""},
		{"Wed, 27 Sep 2023 10:00:00 GMT", "2023-09-27", "day", ""},
		{"10/27/2023", "2023-10-27", "day", ""},
		{"October 1st, 2023", "2023-10-01", "day", ""},
		{"2nd of October 2023", "2023-10-02", "day", ""},
		{"Sep 29 '20", "2020-09-29", "day", ""},
		{"Oct 01 ’20", "2020-10-01", "day", ""},
		{"(28 mag 21)", "2021-05-28", "day", ""},
		{"18.04.98", "1998-04-18", "day", ""},
		{"5 May 24", "2024-05-05", "day", ""},
		{"2023 October 2", "2023-10-02", "day", ""},
		{"2023年9月27日", "2023-09-27", "day", ""},
		{"2023년 9월 27일", "2023-09-27", "day", ""},
		{"2023年9月", "2023-09-01", "month", ""},
		{"10:24 a.m., 2 October 2015", "2015-10-02", "day", ""},
		{"Aug 3, 2022 at 9:15 pm EDT", "2022-08-03", "day", ""},
		{"15h30, le 12 mars 2024", "", "", ""}, // "le" is not a label: not alone
	} {
		p, ok := Parse(w.text, time.Time{})
		if w.precision == "" {
			if ok {
				t.Errorf("Parse(%q) = %v, want no date", w.text, p)
			}
			continue
		}
		w.check(t, "Parse", p, ok)
	}
}

func TestParseLabels(t *testing.T) {
	for _, w := range []want{
		{"Yayınlanma: 14.03.2024 - 09:12", "2024-03-14", "day", "published"},
		{"Güncelleme: 14.03.2024 11:40", "2024-03-14", "day", "updated"},
		{"Tarix: 5 Mart 2021 11:02", "2021-03-05", "day", "date"},
		{"Опубликовано: 7 марта 2022, 18:05", "2022-03-07", "day", "published"},
		{"Обновлено 8 марта 2022", "2022-03-08", "day", "updated"},
		{"Дата публикации: 07.03.2022", "2022-03-07", "day", "published"},
		{"Опубліковано 7 березня 2022", "2022-03-07", "day", "published"},
		{"Publié le 5 avril 2023 à 10h24", "2023-04-05", "day", "published"},
		{"Mis à jour le 6 avril 2023", "2023-04-06", "day", "updated"},
		{"Veröffentlicht am 5. April 2023, 10:24 Uhr", "2023-04-05", "day", "published"},
		{"Aktualisiert am 06.04.2023", "2023-04-06", "day", "updated"},
		{"Publicado el 5 de abril de 2023", "2023-04-05", "day", "published"},
		{"Actualizado: 06/04/2023 12:00", "2023-04-06", "day", "updated"},
		{"Pubblicato il 5 aprile 2023", "2023-04-05", "day", "published"},
		{"Publicado em 5 de abril de 2023", "2023-04-05", "day", "published"},
		{"Published: 5 April 2023", "2023-04-05", "day", "published"},
		{"Posted on April 5, 2023", "2023-04-05", "day", "published"},
		{"Last updated: April 6, 2023", "2023-04-06", "day", "updated"},
		{"Date: 2023-04-05", "2023-04-05", "day", "date"},
		{" date 2023-04-05", "2023-04-05", "day", "metadata"},
		{"date 2023-04", "2023-04-01", "month", "metadata"},
		{"Dərc olunub: 5 aprel 2023", "2023-04-05", "day", "published"},
		{"Հրապարակվել է 5 ապրիլի 2023", "2023-04-05", "day", "published"},
		{"تاریخ انتشار: ۱۶ فروردین ۱۴۰۲", "2023-04-05", "day", "published"},
	} {
		p, ok := Parse(w.text, time.Time{})
		w.check(t, "Parse", p, ok)
	}
}

// One date per language, in the orders each language writes.
func TestParseLanguages(t *testing.T) {
	for _, w := range []want{
		{"5 March 2024", "2024-03-05", "day", ""},                    // en
		{"5 марта 2024 г.", "2024-03-05", "day", ""},                 // ru
		{"Вторник, 5 марта 2024 года", "2024-03-05", "day", ""},      // ru
		{"в марте 2024 года", "", "", ""},                            // ru: "в" is prose
		{"марте 2024 года", "2024-03-01", "month", ""},               // ru
		{"5 березня 2024 р.", "2024-03-05", "day", ""},               // uk
		{"12:24, 5 березня 2024", "2024-03-05", "day", ""},           // uk
		{"5 mart 2024", "2024-03-05", "day", ""},                     // az, tr
		{"2024-cü il martın 5", "2024-03-05", "day", ""},             // az
		{"5 Мартын 2024", "2024-03-05", "day", ""},                   // az Cyrillic
		{"5 Mart 2024 Salı", "", "", ""},                             // tr: a weekday after is not read
		{"Salı, 5 Mart 2024", "2024-03-05", "day", ""},               // tr
		{"5 ŞUBAT 2024", "2024-02-05", "day", ""},                    // tr, upper case
		{"5 Aralık 2024", "2024-12-05", "day", ""},                   // tr
		{"5 մարտի 2024", "2024-03-05", "day", ""},                    // hy
		{"Մարտ 5, 2024", "2024-03-05", "day", ""},                    // hy
		{"2024 թ. մարտի 5", "2024-03-05", "day", ""},                 // hy
		{"5 მარტი 2024", "2024-03-05", "day", ""},                    // ka
		{"2024 წლის 5 მარტს", "2024-03-05", "day", ""},               // ka
		{"۵ مارس ۲۰۲۴", "2024-03-05", "day", ""},                     // fa, Gregorian
		{"۱۵ اسفند ۱۴۰۲", "2024-03-05", "day", ""},                   // fa, Solar Hijri
		{"سه‌شنبه ۱۵ اسفند ۱۴۰۲", "2024-03-05", "day", ""},           // fa, weekday
		{"1402/12/15", "2024-03-05", "day", ""},                      // fa, numeric Solar Hijri
		{"٥ مارس ٢٠٢٤", "2024-03-05", "day", ""},                     // ar, Arabic-Indic digits
		{"5 آذار 2024", "2024-03-05", "day", ""},                     // ar, Levantine
		{"5 كانون الثاني 2024", "2024-01-05", "day", ""},             // ar, two words
		{"5 أيلول/سبتمبر 2023", "2023-09-05", "day", ""},             // ar, both names
		{"الثلاثاء 5 مارس 2024م", "2024-03-05", "day", ""},           // ar, weekday and mark
		{"mardi 5 mars 2024", "2024-03-05", "day", ""},               // fr
		{"1er mars 2024", "2024-03-01", "day", ""},                   // fr
		{"5. März 2024", "2024-03-05", "day", ""},                    // de
		{"Dienstag, 5. März 2024", "2024-03-05", "day", ""},          // de
		{"5 de marzo de 2024", "2024-03-05", "day", ""},              // es
		{"martes, 5 de marzo de 2024", "2024-03-05", "day", ""},      // es
		{"5 marzo 2024", "2024-03-05", "day", ""},                    // it
		{"5 de março de 2024", "2024-03-05", "day", ""},              // pt
		{"terça-feira, 5 de março de 2024", "2024-03-05", "day", ""}, // pt
		{"5 marca 2024", "2024-03-05", "day", ""},                    // pl
		{"5 maart 2024", "2024-03-05", "day", ""},                    // nl
		{"5. března 2024", "2024-03-05", "day", ""},                  // cs
		{"5 martie 2024", "2024-03-05", "day", ""},                   // ro
		{"5 март 2024 г.", "2024-03-05", "day", ""},                  // bg
		{"5. марта 2024.", "2024-03-05", "day", ""},                  // sr
		{"5. ožujka 2024.", "2024-03-05", "day", ""},                 // hr
		{"5 Μαρτίου 2024", "2024-03-05", "day", ""},                  // el
		{"5 ΜΑΡΤΙΟΥ 2024", "2024-03-05", "day", ""},                  // el, upper case without accents
		{"2024. március 5.", "2024-03-05", "day", ""},                // hu
		{"2024. március 5-én", "2024-03-05", "day", ""},              // hu
		{"5 mars 2024", "2024-03-05", "day", ""},                     // sv, fr
		{"5. marts 2024", "2024-03-05", "day", ""},                   // da
		{"5. desember 2024", "2024-12-05", "day", ""},                // no
		{"Μάιος 2024", "2024-05-01", "month", ""},                    // el
		{"maggio 2024", "2024-05-01", "month", ""},                   // it
		{"noviembre de 2022", "2022-11-01", "month", ""},             // es
		{"ژانویه ۲۰۲۴", "2024-01-01", "month", ""},                   // fa
		{"فروردین ۱۴۰۳", "", "", ""},                                 // fa: a Solar month straddles two
		{"12 خرداد 1404", "2025-06-02", "day", ""},                   // fa
		{"دوشنبه ۱۶ مهر ۱۳۹۹ - ۱۰:۲۶", "2020-10-07", "day", ""},      // fa, Persian digits and time
		{"1445/03/12 هـ", "", "", ""},                                // ar: lunar Hijri is not read
	} {
		p, ok := Parse(w.text, time.Time{})
		if w.precision == "" {
			if ok {
				t.Errorf("Parse(%q) = %+v, want no date", w.text, p)
			}
			continue
		}
		w.check(t, "Parse", p, ok)
	}
}

func TestParseRelative(t *testing.T) {
	for _, w := range []want{
		{"3 months ago", "2025-03-01", "month", ""},
		{"2 years ago", "2023-01-01", "year", ""},
		{"1 year ago", "2024-01-01", "year", ""},
		{"a year ago", "2024-01-01", "year", ""},
		{"an hour ago", "2025-06-20", "day", ""},
		{"12 hours ago", "2025-06-20", "day", ""},
		{"6 days ago", "2025-06-14", "day", ""},
		{"2 weeks ago", "2025-06-01", "month", ""},
		{"3 weeks ago", "2025-05-01", "month", ""},
		{"3 дня назад", "2025-06-17", "day", ""},
		{"неделю назад", "2025-06-01", "month", ""},
		{"2 тижні тому", "2025-06-01", "month", ""},
		{"2 gün önce", "2025-06-18", "day", ""},
		{"bir yıl önce", "2024-01-01", "year", ""},
		{"3 gün əvvəl", "2025-06-17", "day", ""},
		{"5 ay əvvəl", "2025-01-01", "month", ""},
		{"vor 3 Tagen", "2025-06-17", "day", ""},
		{"vor einem Jahr", "2024-01-01", "year", ""},
		{"il y a 2 mois", "2025-04-01", "month", ""},
		{"hace 4 días", "2025-06-16", "day", ""},
		{"3 giorni fa", "2025-06-17", "day", ""},
		{"há 2 anos", "2023-01-01", "year", ""},
		{"3 օր առաջ", "2025-06-17", "day", ""},
		{"۳ روز پیش", "2025-06-17", "day", ""},
		{"منذ 3 أيام", "2025-06-17", "day", ""},
		{"πριν από 3 ημέρες", "2025-06-17", "day", ""},
		{"3 dni temu", "2025-06-17", "day", ""},
	} {
		p, ok := Parse(w.text, retrieved)
		w.check(t, "Parse", p, ok)
		if ok && !p.Relative {
			t.Errorf("Parse(%q) is not marked relative", w.text)
		}
	}
	p, ok := Parse("3 months ago", time.Time{})
	if !ok || p.Resolved || p.Precision != "month" {
		t.Errorf("Parse(3 months ago) without a capture date = %+v %v, want unresolved month", p, ok)
	}
	if p, ok := Parse("3000 years ago", retrieved); ok {
		t.Errorf("Parse(3000 years ago) = %+v, want no date (before 1900)", p)
	}
}

func TestNotDates(t *testing.T) {
	for _, text := range []string{
		"", "Tumblr media", "May 15, 2025 7 Min Read", "BARRON'S", "31.02.2024 10:00",
		"Out of Karabakh", "2023", "Oct 2", "The March on Baku 2023", "13.13.23 10:00",
		"12:30", "2-1", "1.2.3", "v1.12.0", "+994 12 404 20 24", "15,404 posts",
		"5 May 1890", "5 May 2250", "30 February 2024", "31 Eylül 2023", "29.02.2023",
		"Sep 2023 report", "Baku, 2 October 2023", "(baku, 2 October 2023)",
		"30 Esfand 1402", "۳۰ اسفند ۱۴۰۲", "12 mar", "2023 10 02 11",
	} {
		if p, ok := Parse(text, retrieved); ok {
			t.Errorf("Parse(%q) = %+v, want no date", text, p)
		}
	}
}

type findWant struct {
	line, text, date, precision, label string
}

func TestFind(t *testing.T) {
	for _, w := range []findWant{
		{"Views: 412 Tarix: 5 Mart 2021 11:02", "5 Mart 2021 11:02", "2021-03-05", "day", "date"},
		{"14.03.2024 / Politik / Seite 3", "14.03.2024", "2024-03-14", "day", ""},
		{"09:41, 7 марта 2022Политика", "09:41, 7 марта 2022", "2022-03-07", "day", ""},
		{"Updated 10:30 April 5, 2024 by staff", "10:30 April 5, 2024", "2024-04-05", "day", "updated"},
		{"Date:05 April 2024", "05 April 2024", "2024-04-05", "day", "date"}, // a day glued to a label's colon is a day
		{"Новости дня7 марта 2022", "7 марта 2022", "2022-03-07", "day", ""},
		{"BAKU, MARCH 5, 2024, AZERTAC. The talks", "MARCH 5, 2024", "2024-03-05", "day", ""},
		{"GENEVA, 12 March 2019 - The envoys met", "12 March 2019", "2019-03-12", "day", ""},
		{"YEREVAN, MARCH 5, NEWSAM. The talks began", "MARCH 5", "", "day", ""},
		{" date 2024-03-05 Refugees reach the border town", "2024-03-05", "2024-03-05", "day", "metadata"},
		{" date 2024-03 A long reading", "2024-03", "2024-03-01", "month", "metadata"},
		{"Opinion | Posted 05 March 2024 - 08:10 PM by admin", "05 March 2024 - 08:10 PM", "2024-03-05", "day", "published"},
		{"Komşu ülkeler 27 Eylül 2020’de başlayan savaşı izledi", "27 Eylül 2020", "2020-09-27", "day", ""},
		{"Barış gücü Nisan 2024’te çekildi", "Nisan 2024", "2024-04-01", "month", ""},
		{"Saziş 10 noyabr 2020-ci ildə imzalanıb", "10 noyabr 2020-ci ildə", "2020-11-10", "day", ""},
		{"The summit on 3 May 2022 ended early.", "3 May 2022", "2022-05-03", "day", ""},
		{"Fighting began on September 27, 2020, and ended in November.", "September 27, 2020", "2020-09-27", "day", ""},
		{"Они приехали 1 января 2024 года.", "1 января 2024 года.", "2024-01-01", "day", ""},
		{"(12 giu 22) LA NOTIZIA – Il governo ha", "12 giu 22", "2022-06-12", "day", ""},
		{"u/someone Oct 01 '20 · 4 replies", "Oct 01 '20", "2020-10-01", "day", ""},
		{"Listen 2 weeks ago to the show", "2 weeks ago", "2025-06-01", "month", ""},
		{"Обновлено 3 дня назад", "3 дня назад", "2025-06-17", "day", "updated"},
		{"Meeting report (Vienna, 9 October 2023) and annex", "9 October 2023", "2023-10-09", "day", ""},
		{"فارس | سیاسی | سه‌شنبه، ۱۵ اسفند ۱۴۰۲ - ۱۰:۲۶ خبر", "سه‌شنبه، ۱۵ اسفند ۱۴۰۲ - ۱۰:۲۶", "2024-03-05", "day", ""},
		{"Sources said on 12.06.2024-14.06.2024 the talks", "12.06.2024", "2024-06-12", "day", ""},
		{"<meta content=\"2023-09-27T10:00:00+04:00\">", "2023-09-27T10:00:00+04:00", "2023-09-27", "day", ""},
	} {
		f, ok := Find(w.line, retrieved)
		if !ok {
			t.Errorf("Find(%q) found no date", w.line)
			continue
		}
		got := ""
		if f.Resolved {
			got = f.Date.String()
		}
		if f.Text != w.text || got != w.date || f.Precision != w.precision || f.Label != w.label {
			t.Errorf("Find(%q) = %q %s %s %q, want %q %s %s %q", w.line, f.Text, got, f.Precision, f.Label, w.text, w.date, w.precision, w.label)
		}
		if w.line[f.Start:f.End] != f.Text {
			t.Errorf("Find(%q): span [%d:%d] is not %q", w.line, f.Start, f.End, f.Text)
		}
	}
}

// Prose, numbers and words that look like parts of dates, in many languages.
func TestFindNotDates(t *testing.T) {
	for _, line := range []string{
		"The war in 2020 killed thousands, and the 1990s war more.",
		"Call +994 12 404 20 24 or 050 212 2023 for details.",
		"The score was 2-1 after 90 minutes; the rematch is at 12:30.",
		"Upgrade to version 1.12.2023.4 of the app.",
		"On 5 May 24 people were hurt, and in 2023 October 2 more.",
		"Pages 12.06.24-13 and 1.2.24 of the report",
		"Bu iki ülke ara 2023 yılında görüştü; 5 ara sokakta toplandılar.",
		"Ekim 12 kişiyle yapıldı ve kasım 2 gün sürdü.",
		"15,404 posts · 272 replies · 61 likes",
		"Il mar 3 volte più grande, il set 12 pezzi.",
		"Out 5 of 7 died; set 3 was lost.",
		"COVID-19 cases rose by 2023 in March.",
		"Room 12.06, building 2024, floor 3.",
		"Page 1 of 12 · 3 min read",
		"IP 192.168.10.2023 is blocked",
		"Beş saat önce 4 bin kişi geçti.",
		"Обстрел длился 3 часа; погибли 12 человек.",
		"Հեգսեթը 44 տարեկան է, մարտի 1-ին",
		"نیروها در ۱۹۹۰ وارد شدند و ۳۰ هزار نفر کشته شدند",
		"بعد 1445 هـ كان",
		"ISBN 978-5-12-06-2024-1",
		"/uploads/2018/10/26e39cee-b5eb.jpg",
		"",
	} {
		if f, ok := Find(line, retrieved); ok && f.Resolved {
			t.Errorf("Find(%q) = %q %s, want no date", line, f.Text, f.Date)
		}
	}
}

// A day and month without a year is found, unresolved, only with a full
// month name, capitalised in Latin script.
func TestFindYearless(t *testing.T) {
	for line, text := range map[string]string{
		"YEREVAN, MARCH 5, NEWSAM. The talks":  "MARCH 5",
		"В субботу, 13 февраля, произошло":     "субботу, 13 февраля",
		"said on December 11. The report":      "December 11",
		"Ադրբեջանը մարտի 5 հայտարարեց":         "մարտի 5",
		"Option 1 may be the answer":           "",
		"the 5 mar ended":                      "",
		"Barış 5 ara sokakta":                  "",
		"5 Sept. was a Tuesday":                "",
		"Hearings are set for 12 mai, he said": "",
	} {
		f, ok := Find(line, retrieved)
		switch {
		case text == "" && ok:
			t.Errorf("Find(%q) = %q, want nothing", line, f.Text)
		case text != "" && (!ok || f.Text != text || f.Resolved || f.Precision != "day"):
			t.Errorf("Find(%q) = %q resolved=%v %v, want %q unresolved", line, f.Text, f.Resolved, ok, text)
		}
	}
}

func TestFindNext(t *testing.T) {
	line := "Posted 5 March 2024 · Updated 6 March 2024, 10:00"
	var got []string
	for off := 0; ; {
		f, ok := Find(line[off:], time.Time{})
		if !ok {
			break
		}
		got = append(got, f.Date.String()+" "+f.Label)
		off += f.End
	}
	if strings.Join(got, "; ") != "2024-03-05 published; 2024-03-06 updated" {
		t.Errorf("dates in %q = %q", line, got)
	}
}

func TestSolarHijri(t *testing.T) {
	for _, c := range []struct {
		y, m, d int
		want    string
	}{
		{1403, 1, 1, "2024-03-20"},
		{1404, 1, 1, "2025-03-21"},
		{1399, 1, 1, "2020-03-20"},
		{1300, 1, 1, "1921-03-21"},
		{1357, 11, 22, "1979-02-11"},
		{1402, 10, 11, "2024-01-01"},
		{1399, 7, 16, "2020-10-07"},
		{1404, 3, 12, "2025-06-02"},
		{1399, 12, 30, "2021-03-20"}, // 1399 is a leap year
		{1403, 12, 30, "2025-03-20"}, // and 1403
		{1402, 12, 29, "2024-03-19"},
		{1402, 6, 31, "2023-09-22"},
	} {
		got, ok := fromSolar(c.y, c.m, c.d)
		if !ok || got.Format(time.DateOnly) != c.want {
			t.Errorf("fromSolar(%d, %d, %d) = %s %v, want %s", c.y, c.m, c.d, got.Format(time.DateOnly), ok, c.want)
		}
	}
	for _, c := range [][3]int{{1402, 12, 30}, {1404, 7, 31}, {1404, 13, 1}, {1404, 1, 0}, {1100, 1, 1}} {
		if got, ok := fromSolar(c[0], c[1], c[2]); ok {
			t.Errorf("fromSolar(%v) = %s, want no date", c, got)
		}
	}
	// Consecutive days convert to consecutive days across 40 years.
	prev, _ := fromSolar(1380, 1, 1)
	for y := 1380; y < 1420; y++ {
		for m := 1; m <= 12; m++ {
			for d := 1; d <= 31; d++ {
				got, ok := fromSolar(y, m, d)
				if !ok || got.Equal(prev) {
					continue
				}
				if got.Sub(prev) != 24*time.Hour {
					t.Fatalf("fromSolar(%d, %d, %d) = %s follows %s", y, m, d, got, prev)
				}
				prev = got
			}
		}
	}
}

func TestFromURL(t *testing.T) {
	for _, c := range []struct{ url, text, date, precision string }{
		{"https://example.am/2023/09/27/talks-resume/", "2023/09/27", "2023-09-27", "day"},
		{"https://example.org/news/2026/02/04/some-story", "2026/02/04", "2026-02-04", "day"},
		{"https://example.org/en/item/2020/10/7/Interview", "2020/10/7", "2020-10-07", "day"},
		{"https://example.com/blog/2023/9/", "2023/9", "2023-09-01", "month"},
		{"https://example.com/blog/2023/09/a-long-read", "2023/09", "2023-09-01", "month"},
		{"https://example.fr/monde/exode-des-refugies-20230926_ABCDEF12", "20230926", "2023-09-26", "day"},
		{"https://example.de/20230927/", "20230927", "2023-09-27", "day"},
		{"https://example.it/esteri/profughi-in-fuga-29-09-2023-194827/amp", "29-09-2023", "2023-09-29", "day"},
		{"https://example.com/story-2023-09-27-summit", "2023-09-27", "2023-09-27", "day"},
		{"https://example.com/2024/11/17/%d5%bd%d5%bf%d5%a5", "2024/11/17", "2024-11-17", "day"},
		{"/local/path/2023_09_27_notes.html", "2023_09_27", "2023-09-27", "day"},
		// the bounds: the first and last years of an eight-digit run, a
		// path that ends with its date, a file URL with no host
		{"https://example.com/19900101/", "19900101", "1990-01-01", "day"},
		{"https://example.com/20991231/", "20991231", "2099-12-31", "day"},
		{"https://example.com/blog/2023/09", "2023/09", "2023-09-01", "month"},
		{"file:///2023/09/27/notes.txt", "2023/09/27", "2023-09-27", "day"},
	} {
		p, text, ok := FromURL(c.url)
		if !ok || text != c.text || p.Date.String() != c.date || p.Precision != c.precision {
			t.Errorf("FromURL(%q) = %q %s %s %v, want %q %s %s", c.url, text, p.Date, p.Precision, ok, c.text, c.date, c.precision)
		}
	}
	for _, url := range []string{
		"https://example.org/a/32577717.html",
		"https://example.az/20231051017-w2RSb.html",
		"https://example.com/id/12345678/",
		"https://example.com/2023/",
		"https://2023.example.com/09/27",
		"https://example.com/page?date=2023-09-27",
		"https://example.com/%2023%09%27",
		"https://example.com/2023/13/01/",
		"https://example.com/18991231-old",
		"https://example.com/19891231/",
		"https://example.com/21000101/",
		"https://2023-09-27.example.com/story",
		"?date=2023-09-27",
		"https://example.com",
		"",
	} {
		if p, text, ok := FromURL(url); ok {
			t.Errorf("FromURL(%q) = %q %s, want no date", url, text, p.Date)
		}
	}
}

func TestTables(t *testing.T) {
	w := words()
	for _, c := range []struct {
		form  string
		month int
		abbr  bool
		cal   calendar
	}{
		{"October", 10, false, gregorian}, {"oktyabrın", 10, false, gregorian}, {"ОКТЯБРЯ", 10, false, gregorian},
		{"հոկտեմբերի", 10, false, gregorian}, {"ოქტომბრის", 10, false, gregorian}, {"مهر", 7, false, solarHijri},
		{"may", 5, false, gregorian}, {"jun", 6, false, gregorian}, {"sept", 9, true, gregorian}, {"ARALIK", 12, false, gregorian},
	} {
		es := w.months[fold(c.form)]
		if len(es) == 0 || es[0].value != c.month || es[0].abbr != c.abbr || es[0].cal != c.cal {
			t.Errorf("months[%q] = %+v, want month %d abbr %v calendar %d", c.form, es, c.month, c.abbr, c.cal)
		}
	}
	if _, err := load("xx\tgregorian\t10\tlistopad\t\nyy\tgregorian\t11\tlistopad\t\n", ""); err == nil ||
		!strings.Contains(err.Error(), "months.tsv:2") {
		t.Errorf("a form naming two months loads: %v", err)
	}
	if _, err := load("", "weekday\ten\t1\n"); err == nil {
		t.Error("a row without its forms column loads")
	}
	if _, err := load("", "colour\ten\tred\tred\n"); err == nil {
		t.Error("an unknown kind loads")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := Parse(s, retrieved)
		if ok && p.Resolved {
			if y := p.Date.Time().Year(); y < 1900 || y > 2200 {
				t.Errorf("Parse(%q) = %s, outside 1900–2200", s, p.Date)
			}
		}
	})
}

func FuzzFind(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		found, ok := Find(line, retrieved)
		if !ok {
			return
		}
		if found.Start < 0 || found.End > len(line) || found.Start >= found.End || line[found.Start:found.End] != found.Text {
			t.Fatalf("Find(%q): span [%d:%d] does not hold %q", line, found.Start, found.End, found.Text)
		}
		if utf8.ValidString(line) && !utf8.ValidString(found.Text) {
			t.Fatalf("Find(%q) cut a rune: %q", line, found.Text)
		}
		if !found.Resolved {
			return
		}
		// What Find reads, Parse reads the same on its own.
		p, ok := Parse(found.Text, retrieved)
		if !ok || p.Date != found.Date || p.Precision != found.Precision {
			t.Errorf("Find(%q) = %q %s %s, but Parse reads %s %s %v", line, found.Text, found.Date, found.Precision, p.Date, p.Precision, ok)
		}
	})
}

var fuzzSeeds = []string{
	"Views: 412 Tarix: 5 Mart 2021 11:02", "09:41, 7 марта 2022Политика", "2023-09-27T10:00:00+04:00",
	"(12 giu 22) LA NOTIZIA", "سه‌شنبه، ۱۵ اسفند ۱۴۰۲ - ۱۰:۲۶", "2024-cü il martın 5", "3 дня назад",
	"2023年9月27日电", "Sep 29 '20", "12.06.2024-14.06.2024", "vor 3 Tagen", "5 أيلول/سبتمبر 2023",
	"Published April 17, 2024 | 05:50 PM", " date 2024-03", "1.2.3.4", "",
}

// A long line of prose with a few numbers, as article bodies hold.
func BenchmarkFind(b *testing.B) {
	var sb strings.Builder
	for i := 0; sb.Len() < 20000; i++ {
		sb.WriteString("The delegations met again in the capital and spoke for ")
		sb.WriteString([]string{"3 hours", "a long time", "12 minutes", "most of the day"}[i%4])
		sb.WriteString(" about the border, the roads and the 2020 war, without agreeing on much. ")
	}
	line := sb.String() + " It ended on 5 March 2024."
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		if f, ok := Find(line, retrieved); !ok || f.Date.String() != "2024-03-05" {
			b.Fatalf("Find = %+v %v", f, ok)
		}
	}
}

// A long line without digits is rejected by a byte scan.
func BenchmarkFindNoDigits(b *testing.B) {
	line := strings.Repeat("Переговоры продолжились в столице без особого результата. ", 300)
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		if _, ok := Find(line, retrieved); ok {
			b.Fatal("found a date")
		}
	}
}
