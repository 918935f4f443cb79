package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/report"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/tochuc/tochuc/internal/workbook"
)

// runTasks lists the tasks directive documents assign with their status on
// a date (bundle-v1 amendment 3), by deadline, read page by page.
func runTasks(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "tasks", "[tùy chọn]")
	asOf := fs.String("as-of", "", "ngày xem (YYYY-MM-DD hoặc dd/mm/yyyy; mặc định hôm nay)")
	scope := fs.String("scope", "", "mã đơn vị: các nhiệm vụ của đơn vị này và các đơn vị trực thuộc vào ngày xem (mặc định tất cả)")
	status := fs.String("status", "", "chỉ một trạng thái: "+strings.Join(tochuc.TaskStatuses, ", ")+" (mặc định tất cả)")
	document := fs.String("document", "", "mã văn bản (mặc định mọi văn bản)")
	format := fs.String("format", "table", "định dạng: table, json, csv, xlsx")
	out := fs.String("out", "", "ghi ra tệp này thay vì màn hình (bắt buộc với xlsx nếu màn hình là terminal)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"không nhận đối số: " + fs.Arg(0)}
	}
	if *status != "" && !slices.Contains(tochuc.TaskStatuses, *status) {
		return usageError{fmt.Sprintf("--status: không có trạng thái %q (có: %s)", *status, strings.Join(tochuc.TaskStatuses, ", "))}
	}
	w, ok := map[string]taskWriter{"table": &taskTable{}, "json": &taskJSON{}, "csv": &taskCSV{}, "xlsx": &taskXLSX{}}[*format]
	if !ok {
		return usageError{fmt.Sprintf("--format: không có định dạng %q (table, json, csv, xlsx)", *format)}
	}
	if *format == "xlsx" && *out == "" && isTerminal(e.stdout) {
		return usageError{"--format xlsx cần --out TỆP.xlsx"}
	}
	d, err := parseDateFlag("as-of", *asOf)
	if err != nil {
		return err
	}
	db, err := openDB(ctx, e, false)
	if err != nil {
		return err
	}
	defer db.Close()
	uc, u := app.New(db, nil), app.CLI(e.user).User
	p := app.TaskParams{AsOf: d, Scope: *scope, Status: *status, DocumentID: *document}
	// the first page is read before anything is written: a refusal leaves no half output
	const batch = 1000
	first, err := uc.Tasks(ctx, u, p, 0, batch)
	if err != nil {
		return err
	}
	return writeOut(e, *out, func(out io.Writer) error {
		if err := w.start(out, d); err != nil {
			return err
		}
		pg := first
		for off := 0; ; {
			for _, t := range pg.Tasks {
				if err := w.task(t); err != nil {
					return err
				}
			}
			if len(pg.Tasks) < batch {
				break
			}
			off += batch
			if pg, err = uc.Tasks(ctx, u, p, off, batch); err != nil {
				return err
			}
		}
		return w.end()
	})
}

// taskWriter writes a list of tasks as it is read.
type taskWriter interface {
	start(w io.Writer, d tochuc.Date) error
	task(t app.TaskItem) error
	end() error
}

// taskJSON writes the amendment's object {"as_of": …, "tasks": […]}.
type taskJSON struct {
	w io.Writer
	n int
}

func (j *taskJSON) start(w io.Writer, d tochuc.Date) error {
	j.w = w
	asOf, _ := json.Marshal(d.String())
	_, err := fmt.Fprintf(w, `{"as_of":%s,"tasks":[`, asOf)
	return err
}

func (j *taskJSON) task(t app.TaskItem) error {
	b, err := json.Marshal(t)
	if err != nil {
		return err
	}
	if j.n > 0 {
		b = append([]byte(","), b...)
	}
	j.n++
	_, err = j.w.Write(b)
	return err
}

func (j *taskJSON) end() error {
	_, err := io.WriteString(j.w, "]}\n")
	return err
}

// taskCSV writes the JSON's keys, one task a row.
type taskCSV struct {
	c    *csv.Writer
	asOf string
}

func (c *taskCSV) start(w io.Writer, d tochuc.Date) error {
	c.c, c.asOf = csv.NewWriter(w), d.String()
	return c.c.Write([]string{"as_of", "document_id", "task_id", "unit_id", "due_on", "done_on", "status"})
}

func (c *taskCSV) task(t app.TaskItem) error {
	s := report.SpreadsheetSafe
	return c.c.Write([]string{c.asOf, s(t.DocumentID), s(t.TaskID), s(t.UnitID), t.DueOn, t.DoneOn, t.Status})
}

func (c *taskCSV) end() error {
	c.c.Flush()
	return c.c.Error()
}

// taskTable writes a Vietnamese table; its rows are kept to align the
// columns, a thousand at a time.
type taskTable struct {
	w    io.Writer
	rows [][]string
	n    int
}

var taskHeader = []string{"Văn bản", "Nhiệm vụ", "Nội dung", "Đơn vị chủ trì", "Hạn", "Ngày hoàn thành", "Trạng thái"}

func (t *taskTable) start(w io.Writer, d tochuc.Date) error {
	t.w = w
	_, err := fmt.Fprintf(w, "Nhiệm vụ được giao — tình trạng ngày %s\n\n", d.Vietnamese())
	return err
}

func (t *taskTable) task(it app.TaskItem) error {
	doc := it.DocumentNumber
	if doc == "" {
		doc = it.DocumentID
	}
	t.rows = append(t.rows, []string{doc, it.TaskID, it.Title, it.UnitName, it.Due.Vietnamese(), it.Done.Vietnamese(),
		tochuc.Label("task_status", it.Status)})
	t.n++
	if len(t.rows) >= 1000 {
		return t.flush()
	}
	return nil
}

func (t *taskTable) flush() error {
	if len(t.rows) == 0 {
		return nil
	}
	err := report.WriteTextTable(t.w, append([][]string{taskHeader}, t.rows...), make([]bool, len(taskHeader)))
	t.rows = t.rows[:0]
	return err
}

func (t *taskTable) end() error {
	if t.n == 0 {
		_, err := io.WriteString(t.w, "Không có nhiệm vụ nào.\n")
		return err
	}
	return t.flush()
}

// taskXLSX writes one sheet, streamed.
type taskXLSX struct {
	w io.Writer
	b *workbook.Book
	s *workbook.Sheet
}

func (x *taskXLSX) start(w io.Writer, d tochuc.Date) error {
	b, err := workbook.New()
	if err != nil {
		return err
	}
	x.w, x.b = w, b
	x.s, err = b.Sheet("Nhiệm vụ", []string{"Nhiệm vụ được giao", "Tình trạng ngày " + d.Vietnamese()},
		[]workbook.Column{{Header: "Văn bản", Width: 14}, {Header: "Mã văn bản", Width: 12}, {Header: "Nhiệm vụ", Width: 8},
			{Header: "Nội dung", Width: 48}, {Header: "Mã đơn vị", Width: 12}, {Header: "Đơn vị chủ trì", Width: 30},
			{Header: "Hạn", Width: 12}, {Header: "Ngày hoàn thành", Width: 14}, {Header: "Trạng thái", Width: 16}})
	return err
}

func (x *taskXLSX) task(t app.TaskItem) error {
	return x.s.Row(t.DocumentNumber, t.DocumentID, t.TaskID, t.Title, t.UnitID, t.UnitName, t.Due, t.Done,
		tochuc.Label("task_status", t.Status))
}

func (x *taskXLSX) end() error {
	defer x.b.Close()
	return x.b.Write(x.w)
}
