package web

import (
	"context"
	"io"
	"strconv"
	"strings"

	"github.com/tochuc/tochuc/internal/bundle"
)

// An import job's progress: the rows read of the file being read, the rows
// read of the whole bundle (done) and the rows it holds (total, counted
// before the check: 0 while counting). The database keeps it in the job's
// file column as "file␟done␟total" (progressText), so that every process
// shows it.

// progressSep separates the parts of the progress kept in the file column.
const progressSep = "\x1f"

// progressText is the progress as the job row keeps it.
func progressText(file string, done, total int) string {
	return file + progressSep + strconv.Itoa(done) + progressSep + strconv.Itoa(total)
}

// parseProgress reads progressText; a plain file name has no counts.
func parseProgress(s string) (file string, done, total int) {
	parts := strings.Split(s, progressSep)
	if len(parts) == 3 {
		done, _ = strconv.Atoi(parts[1])
		total, _ = strconv.Atoi(parts[2])
	}
	return parts[0], done, total
}

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
