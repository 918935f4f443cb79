// Package bundle implements the data bundle of bundle-v1: the files and
// columns, the validation of a whole bundle before it is stored, the write
// model and a bundle held in memory (Tables). Its files are read and written
// as CSV, .zip or .xlsx by package bundle/container.
package bundle

import (
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// Type is the type of a column's values.
type Type int

// Column types.
const (
	Text Type = iota
	Date
	Int
)

// Column describes one column of a bundle file.
type Column struct {
	Name     string
	Type     Type
	Required bool
	Enum     []string // allowed values, if any
	Ref      string   // file whose id this column references ("units", "people", "documents")
	Max      int      // text: the most characters a value may have (set from the kind of column, see MaxIDLen)
	// RefVia names the column whose value says which file this one references:
	// "unit" (units) or "person" (people), as subject_type does for subject_id.
	RefVia string
	// Pattern, when set, is the shape a text value must have (TermPattern).
	Pattern string
	// Digits, when set, is the exact number of digits a value must have (a
	// citizen id: 12).
	Digits int
	// Sparse columns (added by an amendment) are written by an export only
	// when some record holds a value in them.
	Sparse bool
	// Vocab is the vocabulary of an enum's Vietnamese labels
	// (tochuc.Label): a cell may hold the label instead of the code.
	Vocab string
	// Default is the value of an empty cell (an amendment's column whose
	// absence means it): a sparse column is written by an export only when
	// some record holds another value.
	Default string
	// Confidential columns (a citizen id) are read only with the permission
	// to read confidential records, and each read is logged.
	Confidential bool
	// IntMin and IntMax bound an Int column's values when Bounded.
	Bounded        bool
	IntMin, IntMax int64
}

// RefFile returns the file a column of a row references ("" for none),
// given the row's value of the column named by RefVia.
func (c Column) RefFile(via string) string {
	if c.RefVia == "" {
		return c.Ref
	}
	return map[string]string{"unit": "units", "person": "people"}[via]
}

// Span says which dates a row of a file covers: the period between two of
// its date columns ([From, To), To empty = open), a single day (From only),
// the last day of the year in a year column, or no date at all (a fact about
// a person that holds whenever the person does). The scope policy reads it.
type Span struct {
	From, To string // date columns
	Year     string // an integer column: the row covers 31 December of that year
	Timeless bool
}

// The maximum length of a text value, in characters (not bytes: Vietnamese
// letters take two or three bytes). A longer value is an import error on its
// column, so that no text stored grows with what is uploaded.
const (
	// MaxIDLen bounds keys and references: id and every *_id column (the
	// demo's longest is 20 characters).
	MaxIDLen = 64
	// MaxTextLen bounds names, titles, document numbers, codes and words
	// (the longest unit names are under 150).
	MaxTextLen = 500
	// MaxFreeTextLen bounds free text (a removal reason) and x_ columns.
	MaxFreeTextLen = 2000
)

// File describes one file of the bundle and the table that stores it.
type File struct {
	Name    string // file name without .csv, also the sheet name and the table name
	Columns []Column
	Key     []string // the columns that identify a record
	// Versioned files (units) hold several rows per id; a bundle naming an id gives all of them.
	Versioned bool
	// Sequenced files (party) keep the order of same-date events of one person.
	Sequenced bool
	// ViLabel is the Vietnamese name of the file for messages.
	ViLabel string
	// Span is what dates a row covers; Self names the file whose records
	// the id column is (units, people), when a row is the unit or person itself.
	Span Span
	Self string
	// Public files' rows that name no unit or person are read by every
	// account (a document of no issuer, a term of office).
	Public bool
	// Confidential files (cadre plans, evaluations, discipline) are read only
	// with the permission to read confidential records, and each read is logged.
	Confidential bool
	// Sparse files (added by an amendment, or ours until the spec adopts
	// them) are written by an export only when they hold a record.
	Sparse bool

	index     map[string]int
	viIndex   map[string]int // folded Vietnamese header → column (labels.go)
	keyIdx    []int
	uniqueIdx []int
}

// Index returns the position of a column, or -1.
func (f *File) Index(name string) int {
	if i, ok := f.index[name]; ok {
		return i
	}
	return -1
}

// KeyIndexes returns the positions of the key columns.
func (f *File) KeyIndexes() []int { return f.keyIdx }

// RowKeyIndexes returns the positions of the columns that no two rows may
// share: the key, and for a versioned file the key and valid_from.
func (f *File) RowKeyIndexes() []int { return f.uniqueIdx }

// indexed fills in what the files' methods read: each column's position, the
// key's and the unique rows' positions, and the default text bounds.
func indexed(files []*File) []*File {
	for _, f := range files {
		f.index = map[string]int{}
		for i, c := range f.Columns {
			f.index[c.Name] = i
			if c.Enum != nil {
				f.Columns[i].Vocab = enumVocab(f.Name, c.Name)
			}
			if c.Type == Text && c.Max == 0 {
				f.Columns[i].Max = MaxTextLen
				if c.Name == "id" || strings.HasSuffix(c.Name, "_id") {
					f.Columns[i].Max = MaxIDLen
				}
			}
		}
		for _, k := range f.Key {
			f.keyIdx = append(f.keyIdx, f.index[k])
		}
		f.uniqueIdx = f.keyIdx
		if f.Versioned {
			f.uniqueIdx = append(append([]int{}, f.keyIdx...), f.index["valid_from"])
		}
	}
	return files
}

func text(name string) Column             { return Column{Name: name} }
func free(name string) Column             { return Column{Name: name, Max: MaxFreeTextLen} }
func req(c Column) Column                 { c.Required = true; return c }
func sparse(c Column) Column              { c.Sparse = true; return c }
func date(name string) Column             { return Column{Name: name, Type: Date} }
func enum(name string, v []string) Column { return Column{Name: name, Enum: v} }
func ref(name, file string) Column        { return Column{Name: name, Ref: file} }

// Files lists the files of bundle-v1 in the order they are loaded: referenced files first.
var Files = indexed([]*File{
	{Name: "units", ViLabel: "đơn vị", Versioned: true, Key: []string{"id"}, Self: "units",
		Span: Span{From: "valid_from", To: "valid_to"}, Columns: []Column{
			req(text("id")), req(text("name")), req(enum("kind", tochuc.UnitKindCodes())),
			ref("parent_id", "units"), ref("locality_id", "units"), ref("host_id", "units"),
			text("subtype"), enum("sector", tochuc.Sectors), enum("ownership", tochuc.Ownerships),
			text("admin_code"), req(date("valid_from")), date("valid_to"),
		}},
	{Name: "people", ViLabel: "nhân sự", Key: []string{"id"}, Self: "people", Span: Span{Timeless: true}, Columns: []Column{
		req(text("id")), req(text("full_name")), enum("gender", tochuc.Genders), date("birth_date"),
		text("ethnicity"), text("religion"), date("died_on"),
		// bundle-v1 amendment 1: the personal record
		sparse(Column{Name: "citizen_id", Digits: 12, Confidential: true}), sparse(text("birthplace")), sparse(text("hometown")),
		sparse(text("residence")), sparse(text("general_education")),
	}},
	{Name: "documents", ViLabel: "văn bản", Key: []string{"id"}, Span: Span{From: "issued_on"}, Public: true, Columns: []Column{
		req(text("id")), req(text("number")), req(enum("kind", tochuc.DocumentKinds)),
		ref("issuer_id", "units"), req(date("issued_on")), req(text("title")), ref("replaces_id", "documents"),
		// bundle-v1 amendment 3: the days it applies ([effective_on, expires_on); effective_on empty = issued_on)
		sparse(date("effective_on")), sparse(date("expires_on")),
	}},
	{Name: "qualifications", ViLabel: "trình độ", Key: []string{"person_id", "kind", "level"}, Span: Span{Timeless: true}, Columns: []Column{
		req(ref("person_id", "people")), req(text("kind")), req(text("level")), date("obtained_on"),
	}},
	{Name: "party", ViLabel: "biến động đảng viên", Sequenced: true, Key: []string{"person_id", "event", "date"},
		Span: Span{From: "date"}, Columns: []Column{
			req(ref("person_id", "people")), req(enum("event", tochuc.PartyEvents)), req(date("date")),
			ref("unit_id", "units"), enum("status", tochuc.MemberStatuses), ref("document_id", "documents"),
			// bundle-v1 amendment 1: the admission ceremony and the introducers (one or two person ids, ";")
			sparse(date("ceremony_on")), sparse(Column{Name: "introducer_ids", Max: 2*MaxIDLen + 1}),
		}},
	{Name: "assignments", ViLabel: "chức vụ", Key: []string{"person_id", "unit_id", "role", "valid_from"},
		Span: Span{From: "valid_from", To: "valid_to"}, Columns: []Column{
			req(ref("person_id", "people")), req(ref("unit_id", "units")), req(enum("role", tochuc.Codes(tochuc.Roles))),
			req(date("valid_from")), date("valid_to"), enum("how", tochuc.AssignmentHows), ref("document_id", "documents"),
			sparse(enum("end_reason", tochuc.EndReasons)), // bundle-v1 amendment 1
		}},
	{Name: "headcount", ViLabel: "biên chế", Key: []string{"unit_id", "date"}, Span: Span{From: "date"}, Columns: []Column{
		req(ref("unit_id", "units")), req(date("date")), req(Column{Name: "actual", Type: Int}), {Name: "quota", Type: Int},
	}},
	{Name: "restructure", ViLabel: "sắp xếp tổ chức", Key: []string{"event_id", "from_unit_id", "to_unit_id"},
		Span: Span{From: "date"}, Columns: []Column{
			req(text("event_id")), req(date("date")), req(enum("kind", tochuc.RestructureKinds)),
			ref("from_unit_id", "units"), ref("to_unit_id", "units"), ref("document_id", "documents"),
		}},
	// terms of office (nhiệm kỳ) per level: data, not code (PLAN-10); a
	// plan's term must be one of them once the registry holds any
	{Name: "terms", Sparse: true, ViLabel: "nhiệm kỳ", Key: []string{"term", "level"}, Span: Span{Timeless: true}, Public: true, Columns: []Column{
		req(Column{Name: "term", Pattern: TermPattern}), req(enum("level", tochuc.TermLevels)),
		req(date("starts_on")), req(date("ends_on")), ref("document_id", "documents"),
	}},
	// post quotas (ours, issue 18): the most holders a post may have in a
	// unit of a kind (and subtype), over a period, with its legal basis
	{Name: "post_quotas", Sparse: true, ViLabel: "số lượng cấp phó, chức danh tối đa", Key: []string{"unit_kind", "subtype", "role", "valid_from"},
		Span: Span{From: "valid_from", To: "valid_to"}, Public: true, Columns: []Column{
			req(enum("unit_kind", tochuc.UnitKindCodes())), text("subtype"), req(enum("role", tochuc.Codes(tochuc.Roles))),
			req(Column{Name: "max_holders", Type: Int, Bounded: true, IntMin: 0, IntMax: 1000}),
			req(date("valid_from")), date("valid_to"), req(free("legal_basis")),
		}},
	{Name: "evaluations", ViLabel: "đánh giá, xếp loại", Key: []string{"year", "period", "subject_type", "subject_id", "category"},
		Span: Span{Year: "year"}, Confidential: true, Columns: []Column{
			req(Column{Name: "year", Type: Int}), req(enum("subject_type", tochuc.EvaluationSubjects)), req(Column{Name: "subject_id", RefVia: "subject_type"}),
			req(enum("category", tochuc.EvaluationCategories)), req(enum("rating", tochuc.Ratings)),
			ref("rated_by_id", "units"), date("decided_on"),
			// bundle-v1 amendment 1: the period rated, the 100-point score, the step of the workflow
			sparse(Column{Name: "period", Enum: tochuc.EvaluationPeriods, Default: tochuc.EvaluationPeriodYear}),
			sparse(Column{Name: "score", Type: Int, Bounded: true, IntMin: 0, IntMax: 100}),
			sparse(Column{Name: "status", Enum: tochuc.EvaluationStatuses, Default: tochuc.EvaluationDecided}),
		}},
	{Name: "plans", ViLabel: "quy hoạch cán bộ", Key: []string{"term", "unit_id", "role", "person_id"},
		Span: Span{From: "added_on", To: "removed_on"}, Confidential: true, Columns: []Column{
			req(Column{Name: "term", Pattern: TermPattern}), req(ref("unit_id", "units")), req(enum("role", tochuc.Codes(tochuc.Roles))),
			req(ref("person_id", "people")), req(date("added_on")), date("removed_on"), free("removal_reason"),
			ref("document_id", "documents"),
		}},
	// bundle-v1 amendment 1: party and state discipline
	{Name: "discipline", Sparse: true, ViLabel: "kỷ luật", Key: []string{"subject_type", "subject_id", "date", "form"},
		Span: Span{From: "date"}, Confidential: true, Columns: []Column{
			req(enum("subject_type", tochuc.EvaluationSubjects)), req(Column{Name: "subject_id", RefVia: "subject_type"}),
			req(enum("form", tochuc.DisciplineForms)), req(date("date")), ref("authority_id", "units"),
			ref("document_id", "documents"), free("reason"),
		}},
	// bundle-v1 amendment 1: party cards, temporary attendance, badges and awards
	{Name: "party_cards", Sparse: true, ViLabel: "thẻ đảng viên", Key: []string{"number"}, Span: Span{From: "issued_on", To: "revoked_on"},
		Columns: []Column{
			req(ref("person_id", "people")), req(text("number")), req(date("issued_on")), date("revoked_on"),
		}},
	{Name: "party_temporary", Sparse: true, ViLabel: "sinh hoạt đảng tạm thời", Key: []string{"person_id", "unit_id", "valid_from"},
		Span: Span{From: "valid_from", To: "valid_to"}, Columns: []Column{
			req(ref("person_id", "people")), req(ref("unit_id", "units")), req(date("valid_from")), date("valid_to"),
		}},
	{Name: "awards", Sparse: true, ViLabel: "huy hiệu Đảng, khen thưởng", Key: []string{"person_id", "kind", "date"}, Span: Span{From: "date"},
		Columns: []Column{
			req(ref("person_id", "people")), req(enum("kind", tochuc.AwardKinds)), req(date("date")), ref("document_id", "documents"),
		}},
	// party dues paid (01-QĐ/TW, PM-14): our own file until the spec adopts it
	{Name: "party_dues", Sparse: true, ViLabel: "đảng phí", Key: []string{"person_id", "month"}, Span: Span{From: "paid_on"}, Columns: []Column{
		req(ref("person_id", "people")), req(Column{Name: "month", Pattern: MonthPattern}),
		req(Column{Name: "amount", Type: Int, Bounded: true, IntMin: 0, IntMax: 1_000_000_000}), req(date("paid_on")),
		ref("unit_id", "units"),
	}},
	// bundle-v1 amendment 3: the tasks a document assigns, the targets it sets
	// (an indicator of the catalog measured in a scope) and its attached files
	// (their content is files/<sha256> in a bundle)
	{Name: "document_tasks", Sparse: true, ViLabel: "nhiệm vụ được giao", Key: []string{"document_id", "task_id"},
		Span: Span{From: "due_on"}, Columns: []Column{
			req(ref("document_id", "documents")), req(text("task_id")), req(ref("unit_id", "units")), req(text("title")),
			req(date("due_on")), date("done_on"), free("note"),
		}},
	{Name: "document_targets", Sparse: true, ViLabel: "chỉ tiêu", Key: []string{"document_id", "target_id"},
		Span: Span{From: "due_on"}, Public: true, Columns: []Column{
			req(ref("document_id", "documents")), req(text("target_id")), req(text("indicator")), ref("scope_id", "units"),
			req(date("due_on")), req(enum("op", tochuc.TargetOps)), req(Column{Name: "value", Pattern: NumberPattern}),
			text("label"),
		}},
	{Name: "document_files", Sparse: true, ViLabel: "tệp đính kèm văn bản", Key: []string{"document_id", "name"},
		Span: Span{Timeless: true}, Public: true, Columns: []Column{
			req(ref("document_id", "documents")), req(text("name")), req(Column{Name: "sha256", Pattern: SHA256Pattern}),
			req(Column{Name: "bytes", Type: Int, Bounded: true, IntMin: 1, IntMax: MaxAttachedFile}),
		}},
})

// NumberPattern is Column.Pattern for a decimal number (a target's value):
// "0.7", "0,7" or "1186", stored with a point (tochuc.ParseNumber).
const NumberPattern = "number"

// SHA256Pattern is Column.Pattern for a SHA-256 in lower-case hex.
const SHA256Pattern = "sha256"

// MaxAttachedFile is the largest file a document may carry (amendment 3): 20 MiB.
const MaxAttachedFile = 20 << 20

// ValidSHA256 reports whether s is 64 lower-case hex digits.
func ValidSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range []byte(s) {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// MonthPattern is Column.Pattern for a month "YYYY-MM" (party dues).
const MonthPattern = "month"

// ValidMonth reports whether s is a month "YYYY-MM" (MonthPattern) of the
// years 1900–2999.
func ValidMonth(s string) bool {
	if len(s) != 7 || s[4] != '-' {
		return false
	}
	for i, c := range []byte(s) {
		if i != 4 && (c < '0' || c > '9') {
			return false
		}
	}
	m := int(s[5]-'0')*10 + int(s[6]-'0')
	return (s[0] == '1' && s[1] == '9' || s[0] == '2') && m >= 1 && m <= 12
}

// TermPattern is Column.Pattern for a term of office: "A-B", two years with
// A < B ≤ A + 10 ("2025-2030").
const TermPattern = "term"

// ValidTerm reports whether s is a term of office "A-B" (TermPattern).
func ValidTerm(s string) bool {
	a, b, ok := TermYears(s)
	return ok && a < b && b <= a+10
}

// TermYears returns the years of a term "A-B".
func TermYears(s string) (a, b int, ok bool) {
	if len(s) != 9 || s[4] != '-' {
		return 0, 0, false
	}
	for i, c := range []byte(s) {
		if i != 4 && (c < '0' || c > '9') {
			return 0, 0, false
		}
	}
	a = int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0')
	b = int(s[5]-'0')*1000 + int(s[6]-'0')*100 + int(s[7]-'0')*10 + int(s[8]-'0')
	return a, b, true
}

// FileByName returns the file of the given name (without .csv).
func FileByName(name string) *File {
	for _, f := range Files {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// Record is one row of a bundle file, with typed values aligned to File.Columns:
// nil for an empty cell, string for text, tochuc.Date for dates, int64 for numbers.
type Record struct {
	File  *File
	Line  int // row number as the user sees it (header = 1)
	Vals  []any
	Extra map[string]string // x_ columns
	Seq   int               // party: order among the same person's events on one date
}

// Str returns a text value, or "".
func (r *Record) Str(col string) string {
	i := r.File.Index(col)
	if i < 0 {
		return ""
	}
	s, _ := r.Vals[i].(string)
	return s
}

// Date returns a date value, or the zero Date.
func (r *Record) Date(col string) tochuc.Date {
	i := r.File.Index(col)
	if i < 0 {
		return 0
	}
	d, _ := r.Vals[i].(tochuc.Date)
	return d
}
