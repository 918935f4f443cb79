package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/restructure"
	"github.com/tochuc/tochuc/internal/sqldb"
)

const restructureExamples = `
Mỗi tùy chọn --new-… nhận một giá trị cho mỗi đơn vị mới, theo thứ tự của --new-id
(lặp lại tùy chọn); một giá trị duy nhất áp dụng cho mọi đơn vị mới. Mã (--from,
--new-id, --member-to) có thể ghi cách nhau bằng dấu phẩy; tên cách nhau bằng dấu chấm phẩy
(tên có thể chứa dấu phẩy).
Thuộc tính không ghi của đơn vị mới lấy theo đơn vị đầu tiên của --from.

Ví dụ:
  sáp nhập vào đơn vị có sẵn (C tiếp tục tồn tại; chức vụ tại A, B kết thúc):
    tochuc restructure --kind merge --date 2025-07-01 --from A,B --into C
  sáp nhập thành đơn vị mới (đảng viên, chức vụ, đơn vị trực thuộc chuyển sang X):
    tochuc restructure --kind merge --date 2025-07-01 --from A,B --new-id X --new-name "Đảng bộ xã X"
  chia tách (A kết thúc; ghi A trong --new-id nếu A tiếp tục tồn tại):
    tochuc restructure --kind split --date 2025-07-01 --from A --new-id X1,X2 \
      --new-name "Chi bộ thôn 1" --new-name "Chi bộ thôn 2" [--member-to P7=X2] [--members-to X1]
  giải thể (đảng viên của tổ chức đảng giải thể chuyển về B):
    tochuc restructure --kind dissolve --date 2025-07-01 --from A [--members-to B]
  thành lập mới:
    tochuc restructure --kind establish --date 2025-07-01 --new-id X --new-name "…" --new-kind party_cell --new-parent P
  đổi tên (giữ mã; --new-id để đổi sang mã mới), chuyển trực thuộc, chuyển loại hình:
    tochuc restructure --kind rename --date 2025-07-01 --from A --new-name "…" [--new-id X]
    tochuc restructure --kind move --date 2025-07-01 --from A --new-parent P
    tochuc restructure --kind convert --date 2025-07-01 --from A --new-kind party_grassroots_committee
`

func runRestructure(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "restructure", "--kind LOẠI --date NGÀY [tùy chọn]")
	usage := fs.Usage
	fs.Usage = func() { usage(); fmt.Fprint(e.stderr, restructureExamples) }
	kind := fs.String("kind", "", "loại sắp xếp: merge (sáp nhập), split (chia tách), dissolve (giải thể), establish (thành lập), rename (đổi tên), move (chuyển trực thuộc), convert (chuyển loại hình)")
	date := fs.String("date", "", "ngày hiệu lực (YYYY-MM-DD hoặc dd/mm/yyyy): ngày đầu tiên của tổ chức mới")
	into := fs.String("into", "", "sáp nhập: mã đơn vị có sẵn tiếp nhận các đơn vị --from")
	membersTo := fs.String("members-to", "", "giải thể, chia tách: tổ chức đảng tiếp nhận đảng viên")
	doc := fs.String("document", "", "mã văn bản quyết định (đã có trong cơ sở dữ liệu)")
	eventID := fs.String("event-id", "", "mã sự kiện (mặc định: tạo từ loại, ngày và các đơn vị)")
	dry := fs.Bool("dry-run", false, "chạy thử: in kế hoạch và kiểm tra, không ghi gì")
	from := &listFlag{}
	fs.Var(from, "from", "mã các đơn vị trước sắp xếp (A,B hoặc lặp lại)")
	ids := &listFlag{}
	fs.Var(ids, "new-id", "mã đơn vị mới (X1,X2 hoặc lặp lại)")
	names, kinds, parents, localities := &listFlag{}, &listFlag{}, &listFlag{}, &listFlag{}
	fs.Var(names, "new-name", "tên mới (lặp lại, mỗi đơn vị mới một lần)")
	fs.Var(kinds, "new-kind", "loại đơn vị mới (lặp lại)")
	fs.Var(parents, "new-parent", "mã đơn vị cấp trên mới (lặp lại)")
	fs.Var(localities, "new-locality", "mã địa bàn mới (lặp lại)")
	memberTo := &listFlag{}
	fs.Var(memberTo, "member-to", "chia tách: ĐẢNG_VIÊN=ĐƠN_VỊ, nơi tiếp nhận từng đảng viên (lặp lại)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 || *kind == "" || *date == "" {
		fs.Usage()
		return usageError{"cần --kind và --date; không nhận đối số khác"}
	}
	op, err := restructure.Parse(restructure.Input{Kind: *kind, Date: *date, Into: *into, MembersTo: *membersTo,
		Document: *doc, EventID: *eventID, From: from.vals, NewID: ids.vals, MemberTo: memberTo.vals,
		NewName: names.vals, NewKind: kinds.vals, NewParent: parents.vals, NewLocality: localities.vals})
	if err != nil {
		return usageError{err.Error()}
	}
	var db *sqldb.DB
	if *dry {
		db, err = openDB(ctx, e, false)
	} else {
		db, err = openForWrite(ctx, e)
	}
	if err != nil {
		return err
	}
	defer db.Close()
	return applyRestructure(ctx, e, db, op, *dry)
}

// applyRestructure plans the operation on the registry as it stands,
// prints the changes and records them as one change set; a dry run checks
// everything and keeps nothing.
func applyRestructure(ctx context.Context, e *env, db *sqldb.DB, op restructure.Operation, dry bool) error {
	res, err := app.New(db, nil).Restructure(ctx, app.CLI(e.user), op, !dry)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "Các thay đổi:")
	for _, c := range res.Changes {
		fmt.Fprintln(e.stdout, "  - "+c)
	}
	rep := res.Report
	printReport(e.stdout, rep)
	if dry {
		fmt.Fprintln(e.stdout, "(chạy thử: không có gì được ghi)")
	}
	if !rep.OK() {
		return fmt.Errorf("sắp xếp bị từ chối: %d lỗi, cơ sở dữ liệu không thay đổi (restructure refused)", rep.Errors)
	}
	if !dry {
		fmt.Fprintf(e.stdout, "Đã ghi sắp xếp %s.\n", op.Event())
	}
	return nil
}

// listFlag is a repeatable flag; restructure.Parse splits its values.
type listFlag struct{ vals []string }

func (l *listFlag) String() string { return strings.Join(l.vals, ",") }

func (l *listFlag) Set(s string) error { l.vals = append(l.vals, s); return nil }
