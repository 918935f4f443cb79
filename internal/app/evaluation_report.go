package app

import (
	"context"
	"slices"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/check"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// EvalScope selects the ratings of a report: given by a committee (Under:
// or by any committee under it) in a year and period.
type EvalScope struct {
	Unit   string
	Under  bool
	Year   int
	Period string
}

// filter is the storage filter of a report's ratings, checked against the
// account's permission and scope.
func (s *Scope) evalFilter(ctx context.Context, q *EvalScope) (sqldb.EvalFilter, tochuc.Unit, error) {
	if !s.MayReadConfidential() {
		return sqldb.EvalFilter{}, tochuc.Unit{}, errNoConfidential()
	}
	eq := EvalQuery{RatedBy: q.Unit, Year: q.Year, Period: q.Period}
	if err := eq.Valid(); err != nil {
		return sqldb.EvalFilter{}, tochuc.Unit{}, err
	}
	q.Period = eq.Period
	dec31 := tochuc.NewDate(q.Year, 12, 31)
	u, err := s.r.Unit(ctx, q.Unit, dec31)
	if tochuc.ErrorCode(err) == tochuc.ENotFound {
		return sqldb.EvalFilter{}, tochuc.Unit{}, tochuc.Errorf(tochuc.ENotFound, "Không có đơn vị %q vào ngày %s.", q.Unit, dec31.Vietnamese())
	}
	if err != nil {
		return sqldb.EvalFilter{}, tochuc.Unit{}, Fault(err)
	}
	if !s.UnitOn(q.Unit, dec31) {
		return sqldb.EvalFilter{}, tochuc.Unit{}, tochuc.Errorf(tochuc.EForbidden, "Đơn vị %s nằm ngoài phạm vi được giao.", u.Name)
	}
	f := sqldb.EvalFilter{Year: q.Year, Period: q.Period, RatedBy: q.Unit}
	if q.Under {
		f.RatedBy, f.Under, f.UnderOn = "", q.Unit, dec31
	}
	return f, u, nil
}

// EvalSummaryRow is one category's ratings by level (STAT-06).
type EvalSummaryRow struct {
	Category  string         `json:"category"`
	Group     string         `json:"group"` // "organizations" or "members"
	Counts    map[string]int `json:"counts"`
	Total     int            `json:"total"`
	Undecided int            `json:"undecided"`
}

// Share is the share of a level in the row (0–1).
func (r EvalSummaryRow) Share(rating string) float64 {
	if r.Total == 0 {
		return 0
	}
	return float64(r.Counts[rating]) / float64(r.Total)
}

// QuotaBreach is a committee over the quota of excellent ratings in a
// category (EVAL-11), from the summary's counts.
type QuotaBreach struct {
	RatedBy   string `json:"rated_by_id"`
	Name      string `json:"name"`
	Category  string `json:"category"`
	Excellent int    `json:"excellent"`
	Good      int    `json:"good"`
	Limit     int    `json:"limit"`
}

// EvalSummary is the numbers and shares by level of a committee's (or a
// scope's) decided ratings of a year, and the committees over the quota.
type EvalSummary struct {
	Unit     *tochuc.Unit     `json:"unit,omitempty"` // nil: none chosen
	Under    bool             `json:"under"`
	Year     int              `json:"year"`
	Period   string           `json:"period"`
	Basis    string           `json:"basis"`
	Rows     []EvalSummaryRow `json:"rows"`
	Breaches []QuotaBreach    `json:"quota_breaches"`
	Records  int              `json:"-"` // ratings counted (for the audit log)
}

// EvalSummary counts ratings by level: the one count (storage's EvalCounts)
// behind the report (STAT-06) and the quota (EVAL-11). Refused without the
// permission or outside the scope.
func (s *Scope) EvalSummary(ctx context.Context, q EvalScope) (*EvalSummary, error) {
	f, u, err := s.evalFilter(ctx, &q)
	if err != nil {
		return nil, err
	}
	counts, err := s.r.EvalCounts(ctx, f)
	if err != nil {
		return nil, Fault(err)
	}
	out := &EvalSummary{Unit: &u, Under: q.Under, Year: q.Year, Period: q.Period, Basis: check.EvalBasis(q.Year)}
	rows := map[string]*EvalSummaryRow{}
	type qk struct{ rater, cat string }
	quota := map[qk][2]int{} // decided excellent, good
	for _, c := range counts {
		row := rows[c.Category]
		if row == nil {
			g := "organizations"
			if c.Category != "party_org" && c.Category != "collective" {
				g = "members"
			}
			row = &EvalSummaryRow{Category: c.Category, Group: g, Counts: map[string]int{}}
			rows[c.Category] = row
		}
		out.Records += c.N
		if c.Status != tochuc.EvaluationDecided {
			row.Undecided += c.N
			continue
		}
		row.Counts[c.Rating] += c.N
		row.Total += c.N
		k := qk{c.RatedBy, c.Category}
		v := quota[k]
		switch c.Rating {
		case "excellent":
			v[0] += c.N
		case "good":
			v[1] += c.N
		}
		quota[k] = v
	}
	for _, c := range categoryOrder {
		if r := rows[c]; r != nil {
			out.Rows = append(out.Rows, *r)
		}
	}
	var ids []string
	for k, v := range quota {
		if limit := check.ExcellentQuota(q.Year, v[1]); v[0] > limit {
			out.Breaches = append(out.Breaches, QuotaBreach{RatedBy: k.rater, Category: k.cat, Excellent: v[0], Good: v[1], Limit: limit})
			ids = append(ids, k.rater)
		}
	}
	names, err := s.r.UnitNames(ctx, ids, tochuc.NewDate(q.Year, 12, 31))
	if err != nil {
		return nil, Fault(err)
	}
	for i := range out.Breaches {
		out.Breaches[i].Name = names[out.Breaches[i].RatedBy]
	}
	slices.SortFunc(out.Breaches, func(a, b QuotaBreach) int {
		if a.RatedBy != b.RatedBy {
			if a.RatedBy < b.RatedBy {
				return -1
			}
			return 1
		}
		return slices.Index(categoryOrder, a.Category) - slices.Index(categoryOrder, b.Category)
	})
	return out, nil
}

// historyYears is how many years back the history shows.
const historyYears = 10

// EvalHistoryQuery selects a page of the history: the subjects rated (and
// decided) in a year by a committee (or under it), optionally only those
// rated one level (excellent: commendation; incomplete: EVAL-17).
type EvalHistoryQuery struct {
	EvalScope
	Rating        string
	Offset, Limit int
}

// EvalHistoryLine is a subject's ratings of one category year by year.
type EvalHistoryLine struct {
	SubjectType string         `json:"subject_type"`
	SubjectID   string         `json:"subject_id"`
	Name        string         `json:"name"`
	Category    string         `json:"category"`
	RatedBy     string         `json:"rated_by_id"`
	Years       map[int]string `json:"years"` // year → rating (decided, period of the query)
	// Excellent: rated excellent this year (considered for commendation, EVAL-16).
	Excellent bool `json:"excellent"`
	// Streak is the consecutive years rated excellent up to this year.
	Streak int `json:"excellent_streak"`
	// FiveYears: excellent 5 consecutive years (EVAL-16).
	FiveYears bool `json:"five_years"`
	// TwoIncomplete: incomplete this year and the year before (EVAL-17).
	TwoIncomplete bool `json:"two_incomplete"`
}

// EvalHistory is a page of subjects with their ratings year by year.
type EvalHistory struct {
	Unit  *tochuc.Unit      `json:"unit,omitempty"` // nil: none chosen
	Year  int               `json:"year"`
	Years []int             `json:"years"`
	Lines []EvalHistoryLine `json:"lines"`
	Total int               `json:"-"` // the subjects of the filter (the API: the page's total)
	Keys  []string          `json:"-"`
}

// EvalHistory returns a page of the subjects rated in the year with their
// ratings of the years before (up to historyYears), the consecutive years
// rated excellent (EVAL-16) and two years incomplete (EVAL-17).
func (s *Scope) EvalHistory(ctx context.Context, q EvalHistoryQuery) (*EvalHistory, error) {
	f, u, err := s.evalFilter(ctx, &q.EvalScope)
	if err != nil {
		return nil, err
	}
	f.Decided, f.Rating = true, q.Rating
	total, err := s.r.CountEvaluations(ctx, f)
	if err != nil {
		return nil, Fault(err)
	}
	rows, err := s.r.Evaluations(ctx, f, q.Offset, q.Limit)
	if err != nil {
		return nil, Fault(err)
	}
	out := &EvalHistory{Unit: &u, Year: q.Year, Total: total}
	for y := q.Year - historyYears + 1; y <= q.Year; y++ {
		out.Years = append(out.Years, y)
	}
	ef := EvaluationsFile()
	var ids []string
	idx := map[[3]string]int{}
	for _, e := range rows {
		cells := EvaluationCells(e.Evaluation)
		ok, err := s.Row(ctx, ef, cells)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		idx[[3]string{e.SubjectType, e.SubjectID, e.Category}] = len(out.Lines)
		out.Lines = append(out.Lines, EvalHistoryLine{SubjectType: e.SubjectType, SubjectID: e.SubjectID, Name: e.Name,
			Category: e.Category, RatedBy: e.RatedByID, Years: map[int]string{}})
		ids = append(ids, e.SubjectID)
	}
	for batch := range slices.Chunk(ids, 500) {
		past, err := s.r.Evaluations(ctx, sqldb.EvalFilter{FromYear: q.Year - historyYears + 1, ToYear: q.Year, Period: q.Period,
			SubjectIDs: batch, Decided: true}, 0, historyYears*4*len(batch))
		if err != nil {
			return nil, Fault(err)
		}
		for _, e := range past {
			i, ok := idx[[3]string{e.SubjectType, e.SubjectID, e.Category}]
			if !ok {
				continue
			}
			out.Lines[i].Years[e.Year] = e.Rating
			out.Keys = append(out.Keys, RecordKey(ef, EvaluationCells(e.Evaluation)))
		}
	}
	for i := range out.Lines {
		l := &out.Lines[i]
		l.Excellent = l.Years[q.Year] == "excellent"
		for y := q.Year; l.Years[y] == "excellent"; y-- {
			l.Streak++
		}
		l.FiveYears = l.Streak >= 5
		l.TwoIncomplete = l.Years[q.Year] == "incomplete" && l.Years[q.Year-1] == "incomplete"
	}
	return out, nil
}

// EvalListQuery filters the ratings of the API's list (every field set is a
// condition); a page of Limit from Offset.
type EvalListQuery struct {
	Year          int
	Period        string
	RatedBy       string
	Subject       string
	Category      string
	Status        string
	Offset, Limit int
}

// EvalList is a page of ratings and how many the filter holds.
type EvalList struct {
	Items []sqldb.EvalRow `json:"items"`
	Total int             `json:"total"`
	Keys  []string        `json:"-"`
}

// EvalList lists ratings: refused without the permission; an account with
// a scope sees the ratings given by the committees inside it (a committee
// outside it is refused).
func (s *Scope) EvalList(ctx context.Context, q EvalListQuery) (*EvalList, error) {
	if !s.MayReadConfidential() {
		return nil, errNoConfidential()
	}
	f := sqldb.EvalFilter{Year: q.Year, Period: q.Period, RatedBy: q.RatedBy, SubjectID: q.Subject, Category: q.Category, Status: q.Status}
	today := s.app.today()
	if q.RatedBy != "" && !s.UnitOn(q.RatedBy, today) {
		return nil, tochuc.Errorf(tochuc.EForbidden, "Đơn vị %s nằm ngoài phạm vi được giao.", q.RatedBy)
	}
	if !s.Whole() && q.RatedBy == "" {
		f.Under, f.UnderOn = s.UnitID(), today
	}
	total, err := s.r.CountEvaluations(ctx, f)
	if err != nil {
		return nil, Fault(err)
	}
	rows, err := s.r.Evaluations(ctx, f, q.Offset, q.Limit)
	if err != nil {
		return nil, Fault(err)
	}
	out := &EvalList{Items: []sqldb.EvalRow{}, Total: total}
	ef := EvaluationsFile()
	for _, e := range rows {
		cells := EvaluationCells(e.Evaluation)
		ok, err := s.Row(ctx, ef, cells)
		if err != nil {
			return nil, err
		}
		if ok {
			out.Items = append(out.Items, e)
			out.Keys = append(out.Keys, RecordKey(ef, cells))
		}
	}
	return out, nil
}

// EvaluationsFile is the schema of evaluations.csv.
func EvaluationsFile() *bundle.File { return bundle.FileByName("evaluations") }
