package language

// The region's languages are those the builder told before it told all of
// lingua's: the languages of the region and of the press that covers it.
// The corpus is about the region, so a text is taken to be in one of them
// unless another language fits it clearly better (regional). Among them the
// answer is what it was, from the same detectors by script (regionVerdict);
// among the others it is lingua's over all its languages.

const (
	// regionMargin is how much better, in nats a trigram, a language must
	// fit a text than the best of the region's to take it out of them.
	// lingua's low-accuracy sums favour some languages over others a little
	// on every trigram: on the benchmark corpus's English and Azerbaijani
	// they prefer Latin, Esperanto, Tagalog or Malay by up to 0.1 nats a
	// trigram, a few nats a paragraph. Texts in other languages fit them
	// better by more: a Bulgarian or Serbian sentence than Russian by about
	// 0.2, most by a nat or more.
	regionMargin = 0.15
	// minConfidence is the least confidence a label of the region's
	// languages is given with: below it the text fits several languages.
	minConfidence = 0.5
	// otherMinConfidence is the least for another language. Among lingua's
	// 61 others, many close to each other (Bokmål, Nynorsk and Danish;
	// Croatian, Bosnian and Slovene; Indonesian and Malay; Sotho and
	// Tswana), low-accuracy confidences of short texts below it are wrong
	// about as often as right.
	otherMinConfidence = 0.9
	// minOdds is how much likelier than the next language a label must be.
	minOdds = 2
)

// side is the languages a text is told among, and how sure an answer must
// be.
type side struct {
	tell  func(*reading) verdict
	least float64
}

var (
	regionSide = side{regionVerdict, minConfidence}
	// The other languages are told as lingua tells all of them.
	otherSide = side{allRules.detect, otherMinConfidence}
)

// sure reports whether v is a label the side gives.
func (s side) sure(v verdict) bool {
	return v.lang >= 0 && v.confidence >= s.least && v.confidence >= minOdds*v.runnerUp
}

var (
	regionLatin    = newRules("az", "en", "fr", "de", "it", "pt", "es", "tr")
	regionCyrillic = newRules("ru", "uk")
	regionArabic   = newRules("ar", "fa")
	hy, ka         = languageIndex("hy"), languageIndex("ka")

	inRegion = func() (in [languageCount]bool) {
		for _, rs := range []*rules{regionLatin, regionCyrillic, regionArabic} {
			for _, lang := range rs.all {
				in[lang] = true
			}
		}
		in[hy], in[ka] = true, true
		return in
	}()
)

// regional reports whether text reads as one of the region's languages:
// lingua's letter rules say it is one, or no other language of its alphabet
// fits it better than the best of the region's by more than regionMargin a
// trigram.
func regional(r *reading) bool {
	if lang, decided := allRules.byUniqueLetters(r.words); decided {
		return inRegion[lang]
	}
	a, _ := topAlphabet(r.words)
	if a < 0 {
		return true
	}
	s := r.scores()
	bestRegion, bestOther := -1, -1
	for _, lang := range allRules.writtenIn[a] {
		switch {
		case s.sums[lang] >= 0:
		case inRegion[lang]:
			if bestRegion < 0 || s.sums[lang] > s.sums[bestRegion] {
				bestRegion = lang
			}
		case bestOther < 0 || s.sums[lang] > s.sums[bestOther]:
			bestOther = lang
		}
	}
	if bestOther < 0 || bestRegion < 0 {
		return bestOther < 0
	}
	return float64(s.sums[bestOther]-s.sums[bestRegion])/scale <= regionMargin*float64(s.trigrams)
}

// regionVerdict tells the region's languages: the script most of the
// text's letters are in picks the detector.
func regionVerdict(r *reading) verdict {
	switch script(r.words) {
	case armenian:
		return verdict{lang: hy, confidence: 1}
	case georgian:
		return verdict{lang: ka, confidence: 1}
	case cyrillic:
		return regionCyrillic.detect(r)
	case arabic:
		return regionArabic.detect(r)
	case latin:
		return regionLatin.detect(r)
	}
	return nothing
}

// sideOf returns the side a text is told on: the region's if it reads as
// one of the region's languages or lingua's answer over all its languages
// is one of them (its rules narrow the languages by letters first).
func sideOf(r *reading) side {
	if regional(r) {
		return regionSide
	}
	if v := allRules.detect(r); v.lang >= 0 && inRegion[v.lang] {
		return regionSide
	}
	return otherSide
}

// regionScripts are the scripts the region's languages are written in, the
// first on a tie.
var regionScripts = []alphabet{latin, cyrillic, armenian, georgian, arabic}

// script returns the one of regionScripts most of the words' letters are
// in, or -1.
func script(words []string) alphabet {
	var counts [alphabetCount]int
	for _, w := range words {
		for _, r := range w {
			if a := alphabetOfRune(r); a >= 0 {
				counts[a]++
			}
		}
	}
	best := alphabet(-1)
	for _, a := range regionScripts {
		if counts[a] > 0 && (best < 0 || counts[a] > counts[best]) {
			best = a
		}
	}
	return best
}
