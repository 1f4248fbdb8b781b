package corpus

import "time"

// Stages is the time spent in each stage of the pipeline, summed over the
// workers (so with several workers it can exceed the wall time).
type Stages struct {
	Read, Decode, Extract, Language, Mentions, Duplicates, Write time.Duration
}

func (s *Stages) add(o Stages) {
	s.Read += o.Read
	s.Decode += o.Decode
	s.Extract += o.Extract
	s.Language += o.Language
	s.Mentions += o.Mentions
	s.Duplicates += o.Duplicates
	s.Write += o.Write
}

// Progress is how far a build has come. It is reported after each input file.
type Progress struct {
	Files, TotalFiles int
	Bytes, TotalBytes int64 // input bytes
	Records           int
	Elapsed           time.Duration
	Stages            Stages
}

// lap measures successive intervals: each call returns the time since the
// previous one.
type lap time.Time

func startLap() lap { return lap(time.Now()) }

func (l *lap) next() time.Duration {
	now := time.Now()
	d := now.Sub(time.Time(*l))
	*l = lap(now)
	return d
}
