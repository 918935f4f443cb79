package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/tochuc/tochuc/internal/bundle"
)

func runHistory(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "history", "TỆP CỘT=GIÁ_TRỊ… (ví dụ: history units id=T24; history assignments person_id=P1)")
	pos, err := parseAll(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 2 {
		fs.Usage()
		return usageError{"cần tên tệp (units, people, …) và ít nhất một điều kiện cột=giá trị"}
	}
	f := bundle.FileByName(pos[0])
	if f == nil {
		return usageError{fmt.Sprintf("không có tệp %q trong gói dữ liệu", pos[0])}
	}
	match := map[string]string{}
	for _, kv := range pos[1:] {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || f.Index(k) < 0 {
			return usageError{fmt.Sprintf("điều kiện %q không hợp lệ: cần CỘT=GIÁ_TRỊ với cột của %s", kv, f.Name)}
		}
		match[k] = v
	}
	db, err := openDB(ctx, e, false)
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.History(ctx, f.Name, match)
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		return fmt.Errorf("không có bản ghi nào khớp")
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	var cols []string
	for _, c := range f.Columns {
		cols = append(cols, c.Name)
	}
	fmt.Fprintln(tw, strings.Join(cols, "\t")+"\tghi nhận từ\tđến\tngười ghi\tnguồn")
	for _, r := range rows {
		var cells []string
		for _, c := range cols {
			cells = append(cells, r.Values[c])
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t")+"\t"+micros(r.Values["rec_from"])+"\t"+micros(r.Values["rec_to"])+"\t"+
			r.RecordedBy+"\t"+r.Source)
	}
	return tw.Flush()
}

// micros formats a stored recording time (microseconds) for people.
func micros(s string) string {
	var n int64
	if _, err := fmt.Sscan(s, &n); err != nil || s == "" {
		return "hiện hành"
	}
	return time.UnixMicro(n).Local().Format("02/01/2006 15:04:05")
}
