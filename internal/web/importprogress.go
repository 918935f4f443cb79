package web

import (
	"context"
	"io"

	"github.com/tochuc/tochuc/internal/bundle"
)

// An import job's progress: the rows read of the file being read, the rows
// read of the whole bundle (done) and the rows it holds (total, counted
// before the check: 0 while counting), kept in the job's row so that every
// process shows it.

// percent is done of total in whole percent, at most 99 until the end (the
// last rows still have to be written) and 0 when the total is unknown.
func percent(done, total int) int {
	if total <= 0 {
		return 0
	}
	return min(done*100/total, 99)
}

// countRows counts the rows of every file of a bundle (headers not
// counted), reading them as the check will: the total of its progress.
func countRows(ctx context.Context, src bundle.Source) (int, error) {
	n := 0
	for _, name := range src.Names() {
		r, err := src.Open(name)
		if err != nil {
			continue // the check reports it
		}
		rows := -1
		for {
			if _, err = r.Next(); err != nil {
				break
			}
			rows++
			if rows%10000 == 0 && ctx.Err() != nil {
				r.Close()
				return 0, ctx.Err()
			}
		}
		r.Close()
		n += max(rows, 0)
		if err != io.EOF {
			continue // the check reports it
		}
	}
	return n, nil
}
