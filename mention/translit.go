package mention

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Latin letters for the letters of Russian, Ukrainian, Armenian and Georgian
// names, lower case, as the English-language press of the region writes them
// (a simplified BGN/PCGN: Сергей Пархоменко → Sergei Parkhomenko, Սերգեյ
// Շահվերդյան → Sergey Shahverdyan, ბიძინა → Bidzina).
var (
	russianLetters = letterTable("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
		"a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya")
	ukrainianLetters = letterTable("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'’",
		"a b v h g d e ie zh z y i i y k l m n o p r s t u f kh ts ch sh shch - iu ia - -")
	armenianLetters = letterTable("աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆև",
		"a b g d e z e y t zh i l kh ts k h dz gh ch m y n sh o ch p j r s v t r ts v p k o f ev")
	georgianLetters = letterTable("აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
		"a b g d e v z t i k l m n o p zh r s t u p k gh q sh ch ts dz ts ch kh j h")
)

// letterTable pairs each letter with its space-separated Latin; "-" is none.
func letterTable(letters, latin string) map[rune]string {
	t := map[rune]string{}
	out := strings.Fields(latin)
	for i, r := range []rune(letters) {
		if out[i] != "-" {
			t[r] = out[i]
		} else {
			t[r] = ""
		}
	}
	return t
}

// latinName writes a name in Latin letters: as it is when it is in Latin
// script, else letter by letter, each word capitalised.
func latinName(name, lang string) string {
	var b strings.Builder
	for i, word := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' }) {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(latinWord(word, lang))
	}
	return b.String()
}

// latinWord transliterates one word of a name (hyphens kept).
func latinWord(word, lang string) string {
	if !strings.ContainsFunc(word, func(r rune) bool {
		return unicode.In(r, unicode.Cyrillic, unicode.Armenian, unicode.Georgian)
	}) {
		return word
	}
	runes := []rune(strings.ToLower(word))
	var b strings.Builder
	for i, r := range runes {
		initial := i == 0 || runes[i-1] == '-'
		next := rune(0)
		if i+1 < len(runes) {
			next = runes[i+1]
		}
		b.WriteString(latinLetter(r, next, runes, i, initial, lang))
	}
	parts := strings.Split(b.String(), "-")
	for i, part := range parts {
		if first, size := utf8.DecodeRuneInString(part); size > 0 {
			parts[i] = string(unicode.ToUpper(first)) + part[size:]
		}
	}
	return strings.Join(parts, "-")
}

// latinLetter is the Latin for runes[i], given the letter after it and
// whether it starts a word.
func latinLetter(r, next rune, runes []rune, i int, initial bool, lang string) string {
	switch {
	case unicode.Is(unicode.Armenian, r):
		switch {
		case r == 'ո' && next == 'ւ':
			return "u"
		case r == 'ւ' && i > 0 && runes[i-1] == 'ո':
			return ""
		case initial && r == 'ե':
			return "ye"
		case initial && r == 'ո':
			return "vo"
		}
		return pick(armenianLetters, r)
	case unicode.Is(unicode.Georgian, r):
		return pick(georgianLetters, r)
	case unicode.Is(unicode.Cyrillic, r):
		if lang == "uk" {
			return pick(ukrainianLetters, r)
		}
		switch {
		case initial && r == 'е':
			return "ye"
		case r == 'й' && i > 0 && (runes[i-1] == 'и' || runes[i-1] == 'ы') && i == len(runes)-1:
			return "" // Дмитрий, Грозный: the и or ы before it is y
		case (r == 'и' || r == 'ы') && next == 'й' && i+2 == len(runes):
			return "y"
		case r == 'й' && i > 0 && strings.ContainsRune("аеёоуэ", runes[i-1]):
			return "i" // Сергей, Айвазовский
		}
		return pick(russianLetters, r)
	}
	return string(r)
}

func pick(table map[rune]string, r rune) string {
	if s, ok := table[r]; ok {
		return s
	}
	return string(r)
}

// slugLetters write letters that have no decomposition in ASCII.
var slugLetters = strings.NewReplacer("ə", "a", "ı", "i", "ş", "sh", "ç", "ch", "ğ", "g", "ß", "ss",
	"æ", "ae", "œ", "oe", "ø", "o", "ł", "l", "đ", "d", "þ", "th")

// slug is a Latin name as an id's lowercase ASCII words joined by hyphens:
// Məmməd Ağayev → mammad-agayev, Zoë Saint-Ange → zoe-saint-ange.
func slug(name string) string {
	name = slugLetters.Replace(strings.ToLower(name))
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(name) {
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			hyphen = false
		case unicode.IsMark(r):
		default:
			hyphen = true
		}
	}
	return b.String()
}
