package web

import (
	"github.com/tochuc/tochuc/internal/bundle"
)

// diffFileView is a file's part of a job's diff as the page shows it.
type diffFileView struct {
	Label                            string
	Added, Changed, Ended, Retracted int
	Rows                             []diffRowView
	More, Shown                      int
}

// diffRowView is one record of a diff: its kind, its key, the fields it changes.
type diffRowView struct {
	Kind, KindLabel, Record string
	Fields                  []diffFieldView
}

// diffFieldView is a field a record changes, shown (dates dd/mm/yyyy, labels for codes).
type diffFieldView struct{ Column, Before, After string }

// DiffFiles is the job's diff, file by file, as the page shows it.
func (j *importJob) DiffFiles() []diffFileView {
	if j.Report == nil || j.Report.Diff == nil || j.Phase != "checked" {
		return nil
	}
	var out []diffFileView
	for _, df := range j.Report.Diff.Files {
		f := bundle.FileByName(df.Name)
		if f == nil {
			continue
		}
		v := diffFileView{Label: f.ViLabel + " (" + f.Name + ".csv)", Added: df.Added, Changed: df.Changed, Ended: df.Ended,
			Retracted: df.Retracted, More: df.More(), Shown: len(df.Records)}
		for _, r := range df.Records {
			row := diffRowView{Kind: r.Kind, KindLabel: bundle.DiffKindLabel(r.Kind), Record: r.KeyText()}
			for _, fc := range r.Fields() {
				row.Fields = append(row.Fields, diffFieldView{Column: f.ViHeader(fc.Column),
					Before: bundle.CellText(f, fc.Column, fc.Before), After: bundle.CellText(f, fc.Column, fc.After)})
			}
			v.Rows = append(v.Rows, row)
		}
		out = append(out, v)
	}
	return out
}
