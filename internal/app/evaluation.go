package app

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/check"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/textvn"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// The evaluation workplace (đánh giá, xếp loại chất lượng): what a deciding
// committee rates in a year and period, each subject with its rating and its
// step (EVAL-18), in the order of rating (EVAL-19), and the live status of
// the quota (EVAL-11) and of the heads (EVAL-13) as the rows stand.

// maxSheetLines bounds the subjects of one category on a sheet (a committee
// rates its direct subordinates, their leaders and its own members).
const maxSheetLines = 1000

// EvalQuery selects a sheet: the deciding committee, the year, the period.
type EvalQuery struct {
	RatedBy string
	Year    int
	Period  string
}

// Valid checks a query's values, in Vietnamese.
func (q *EvalQuery) Valid() error {
	if q.Period == "" {
		q.Period = tochuc.EvaluationPeriodYear
	}
	if !slices.Contains(tochuc.EvaluationPeriods, q.Period) {
		return tochuc.Errorf(tochuc.EInvalid, "Kỳ đánh giá %q không hợp lệ.", q.Period)
	}
	if q.Year < 1930 || q.Year > 2100 {
		return tochuc.Errorf(tochuc.EInvalid, "Năm đánh giá %d không hợp lệ.", q.Year)
	}
	return nil
}

// EvalLine is one subject of a sheet and its rating, if any.
type EvalLine struct {
	Category    string `json:"category"`
	SubjectType string `json:"subject_type"`
	SubjectID   string `json:"subject_id"`
	Name        string `json:"name"`
	// UnitID is, for a leader, the unit rated here they hold a post in.
	UnitID string `json:"unit_id,omitempty"`
	// Head: the leader is the unit's head (rated last, EVAL-13, EVAL-19).
	Head bool `json:"head,omitempty"`
	// Eval is the rating (nil: not rated yet).
	Eval *tochuc.Evaluation `json:"evaluation,omitempty"`
	// Version is the rating's version, for an edit of it.
	Version string `json:"version,omitempty"`
	// Broken lists the rules the live status finds broken by this line.
	Broken []string `json:"broken,omitempty"`
}

// NextStatus is the step the line's form offers: the one after its
// rating's (self-assessed → appraised → decided, EVAL-18).
func (l EvalLine) NextStatus() string {
	if l.Eval == nil {
		return "self_assessed"
	}
	switch l.Eval.Status {
	case "self_assessed":
		return "appraised"
	}
	return tochuc.EvaluationDecided
}

// Decided reports whether the line's rating is decided.
func (l EvalLine) Decided() bool { return l.Eval != nil && l.Eval.Status == tochuc.EvaluationDecided }

// EvalGroup is the lines of one category, with the quota status (EVAL-11).
type EvalGroup struct {
	Category string     `json:"category"`
	Lines    []EvalLine `json:"lines"`
	Quota    Quota      `json:"quota"`
}

// Quota is EVAL-11 for one category and committee: the ratings excellent
// and good as they stand (undecided ones counted and told apart), the most
// excellent allowed, and whether it is broken.
type Quota struct {
	Excellent          int  `json:"excellent"`
	ExcellentUndecided int  `json:"excellent_undecided"`
	Good               int  `json:"good"`
	GoodUndecided      int  `json:"good_undecided"`
	Limit              int  `json:"limit"`
	Percent            int  `json:"percent"`
	Broken             bool `json:"broken"`
}

// EvalSheet is a committee's sheet for a year and period.
type EvalSheet struct {
	RatedBy   tochuc.Unit     `json:"rated_by"`
	Year      int             `json:"year"`
	Period    string          `json:"period"`
	Basis     string          `json:"basis"`
	Scored    bool            `json:"scored"`
	Groups    []EvalGroup     `json:"groups"`
	Live      []check.Finding `json:"live"`
	Truncated bool            `json:"truncated,omitempty"`
	// Keys are the records shown (for the audit log of confidential reads).
	Keys []string `json:"-"`
}

// categoryOrder is the order of rating between categories (EVAL-19):
// collectives and government units, then party organizations, then the
// leaders (heads last), then the members.
var categoryOrder = []string{"collective", "party_org", "leader", "party_member", "civil_servant"}

// errNoConfidential refuses a read of ratings to an account without the permission.
func errNoConfidential() error {
	return tochuc.Errorf(tochuc.EForbidden, "Tài khoản của bạn không được xem dữ liệu mật (đánh giá, xếp loại chất lượng). Đề nghị quản trị viên cấp quyền.")
}

// EvalSheet builds a committee's sheet: refused without the permission to
// read confidential records or outside the scope; only the rows the scope
// may read.
func (s *Scope) EvalSheet(ctx context.Context, q EvalQuery) (*EvalSheet, error) {
	if !s.MayReadConfidential() {
		return nil, errNoConfidential()
	}
	if err := q.Valid(); err != nil {
		return nil, err
	}
	dec31 := tochuc.NewDate(q.Year, 12, 31)
	r := s.r
	rater, err := r.Unit(ctx, q.RatedBy, dec31)
	if tochuc.ErrorCode(err) == tochuc.ENotFound {
		return nil, tochuc.Errorf(tochuc.ENotFound, "Không có đơn vị %q vào ngày %s.", q.RatedBy, dec31.Vietnamese())
	}
	if err != nil {
		return nil, Fault(err)
	}
	if !s.UnitOn(q.RatedBy, dec31) {
		return nil, tochuc.Errorf(tochuc.EForbidden, "Đơn vị %s nằm ngoài phạm vi được giao.", rater.Name)
	}
	sh := &EvalSheet{RatedBy: rater, Year: q.Year, Period: q.Period, Basis: check.EvalBasis(q.Year), Scored: check.Scored(q.Year)}
	lines := map[[2]string]*EvalLine{} // (category, subject id) → line
	var order [][2]string
	addLine := func(l EvalLine) *EvalLine {
		k := [2]string{l.Category, l.SubjectID}
		if x, ok := lines[k]; ok {
			return x
		}
		lines[k] = &l
		order = append(order, k)
		return &l
	}
	// Units directly under the committee: party organizations and collectives.
	children, err := r.UnitsUnder(ctx, dec31, []string{q.RatedBy})
	if err != nil {
		return nil, Fault(err)
	}
	if len(children) > maxSheetLines {
		children, sh.Truncated = children[:maxSheetLines], true
	}
	var unitIDs []string
	kinds := map[string]string{}
	for _, u := range children {
		cat := "collective"
		if tochuc.IsPartyOrg(u.Kind) {
			cat = "party_org"
		}
		addLine(EvalLine{Category: cat, SubjectType: "unit", SubjectID: u.ID, Name: u.Name})
		unitIDs = append(unitIDs, u.ID)
		kinds[u.ID] = u.Kind
	}
	// Their leaders: the holders of posts in them on 31 December.
	var personIDs []string
	err = r.CheckSource().PostsIn(ctx, dec31, unitIDs, func(p check.PostRow) error {
		if len(personIDs) >= maxSheetLines {
			sh.Truncated = true
			return nil
		}
		l := addLine(EvalLine{Category: "leader", SubjectType: "person", SubjectID: p.PersonID, Name: p.Person.Name, UnitID: p.UnitID})
		if p.Role == check.HeadRole(p.UnitKind) {
			l.Head, l.UnitID = true, p.UnitID
		}
		personIDs = append(personIDs, p.PersonID)
		return nil
	})
	if err != nil {
		return nil, Fault(err)
	}
	// Its own members, when it is a party organization.
	if tochuc.IsPartyOrg(rater.Kind) {
		ms, err := r.MemberIDsAsOf(ctx, dec31, q.RatedBy)
		if err != nil {
			return nil, Fault(err)
		}
		if len(ms) > maxSheetLines {
			ms, sh.Truncated = ms[:maxSheetLines], true
		}
		names, err := r.PersonNames(ctx, ms)
		if err != nil {
			return nil, Fault(err)
		}
		for _, id := range ms {
			addLine(EvalLine{Category: "party_member", SubjectType: "person", SubjectID: id, Name: names[id]})
			personIDs = append(personIDs, id)
		}
	}
	// The ratings: those the committee gave, and those of the subjects above.
	var evals []sqldb.EvalRow
	given, err := r.Evaluations(ctx, sqldb.EvalFilter{RatedBy: q.RatedBy, Year: q.Year, Period: q.Period}, 0, 4*maxSheetLines)
	if err != nil {
		return nil, Fault(err)
	}
	evals = append(evals, given...)
	for _, ids := range [][]string{unitIDs, personIDs} {
		for batch := range slices.Chunk(ids, 500) {
			rows, err := r.Evaluations(ctx, sqldb.EvalFilter{Year: q.Year, Period: q.Period, SubjectIDs: batch}, 0, 4*len(batch))
			if err != nil {
				return nil, Fault(err)
			}
			evals = append(evals, rows...)
		}
	}
	ef := bundle.FileByName("evaluations")
	seen := map[string]bool{}
	for _, e := range evals {
		if e.SubjectType == "unit" && e.Category != "party_org" && e.Category != "collective" {
			continue
		}
		l := lines[[2]string{e.Category, e.SubjectID}]
		if l == nil {
			if e.RatedByID != q.RatedBy {
				continue // a subject of another committee
			}
			l = addLine(EvalLine{Category: e.Category, SubjectType: e.SubjectType, SubjectID: e.SubjectID, Name: e.Name})
		}
		cells := EvaluationCells(e.Evaluation)
		key := RecordKey(ef, cells)
		if seen[key] {
			continue
		}
		seen[key] = true
		ok, err := s.Row(ctx, ef, cells)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		ev := e.Evaluation
		l.Eval, l.Version = &ev, strconv.FormatInt(e.Version, 10)
		if l.Name == "" {
			l.Name = e.Name
		}
		sh.Keys = append(sh.Keys, key)
	}
	if err := s.sheetLive(ctx, sh, lines); err != nil {
		return nil, err
	}
	// Groups in the order of rating.
	col := textvn.NewCollator()
	byCat := map[string]*EvalGroup{}
	for _, k := range order {
		l := lines[k]
		g := byCat[l.Category]
		if g == nil {
			g = &EvalGroup{Category: l.Category}
			byCat[l.Category] = g
		}
		g.Lines = append(g.Lines, *l)
	}
	for _, c := range categoryOrder {
		g := byCat[c]
		if g == nil {
			continue
		}
		slices.SortStableFunc(g.Lines, func(a, b EvalLine) int {
			if a.Head != b.Head { // heads last
				if a.Head {
					return 1
				}
				return -1
			}
			if a.SubjectType == "person" {
				return col.ComparePeople(a.Name, b.Name)
			}
			return cmp.Or(col.Compare(a.Name, b.Name), strings.Compare(a.SubjectID, b.SubjectID))
		})
		g.Quota = quotaOf(q.Year, q.RatedBy, g.Lines, sh.Live)
		sh.Groups = append(sh.Groups, *g)
	}
	return sh, nil
}

// quotaOf counts EVAL-11 over a group's lines given by the committee as
// they stand; broken as the live check found it.
func quotaOf(year int, rater string, lines []EvalLine, live []check.Finding) Quota {
	q := Quota{Percent: check.QuotaPercent(year)}
	cat := ""
	for _, l := range lines {
		cat = l.Category
		if l.Eval == nil || (l.Eval.RatedByID != "" && l.Eval.RatedByID != rater) {
			continue // another committee's rating counts in its own quota
		}
		switch l.Eval.Rating {
		case "excellent":
			q.Excellent++
			if !l.Decided() {
				q.ExcellentUndecided++
			}
		case "good":
			q.Good++
			if !l.Decided() {
				q.GoodUndecided++
			}
		}
	}
	q.Limit = check.ExcellentQuota(year, q.Good)
	for _, f := range live {
		if f.Rule == "EVAL-11" && f.Subject["category"] == cat && f.Subject["rated_by_id"] == rater {
			q.Broken = true
		}
	}
	return q
}

// sheetLive runs the checks EVAL-11 and EVAL-13 over the sheet's ratings as
// they stand, undecided ones included, and marks the lines they break.
func (s *Scope) sheetLive(ctx context.Context, sh *EvalSheet, lines map[[2]string]*EvalLine) error {
	var rows []check.Rating
	for _, l := range lines {
		if l.Eval == nil {
			continue
		}
		e := *l.Eval
		if e.RatedByID == "" {
			e.RatedByID = sh.RatedBy.ID // counted in the committee's group
		}
		rows = append(rows, check.Rating{Evaluation: e, Name: l.Name})
	}
	slices.SortFunc(rows, func(a, b check.Rating) int {
		return cmp.Or(strings.Compare(a.SubjectType, b.SubjectType), strings.Compare(a.SubjectID, b.SubjectID),
			cmp.Compare(a.Year, b.Year), strings.Compare(a.Category, b.Category))
	})
	src := liveSource{Source: s.r.CheckSource(), rows: rows}
	fs, err := check.Run(ctx, src, check.Params{AsOf: tochuc.NewDate(sh.Year, 12, 31), Rules: []string{"EVAL-11", "EVAL-13"}})
	if err != nil {
		return Fault(err)
	}
	sh.Live = fs
	if sh.Live == nil {
		sh.Live = []check.Finding{}
	}
	for _, f := range fs {
		for _, rec := range f.Records {
			if rec.File != "evaluations" {
				continue
			}
			if l := lines[[2]string{rec.Values["category"], rec.Values["subject_id"]}]; l != nil && !slices.Contains(l.Broken, f.Rule) {
				l.Broken = append(l.Broken, f.Rule)
			}
		}
	}
	return nil
}

// liveSource is the registry for the checks, but for its ratings: those of
// a sheet as they stand, at every step.
type liveSource struct {
	check.Source
	rows []check.Rating
}

// Ratings implements check.Source.
func (l liveSource) Ratings(_ context.Context, maxYear int, fn func(check.Rating) error) error {
	for _, r := range l.rows {
		if r.Year <= maxYear {
			if err := fn(r); err != nil {
				return err
			}
		}
	}
	return nil
}

// EvaluationCells renders a rating as the cells of evaluations.csv.
func EvaluationCells(e tochuc.Evaluation) []string {
	v := map[string]string{"year": strconv.Itoa(e.Year), "period": e.Period, "subject_type": e.SubjectType,
		"subject_id": e.SubjectID, "category": e.Category, "rating": e.Rating, "rated_by_id": e.RatedByID,
		"status": e.Status}
	if e.DecidedOn != 0 {
		v["decided_on"] = e.DecidedOn.String()
	}
	if e.Score != nil {
		v["score"] = strconv.Itoa(*e.Score)
	}
	return cellsFrom(bundle.FileByName("evaluations"), v)
}

// EvalPending is a rating that must be decided before another (EVAL-19).
type EvalPending struct {
	tochuc.Evaluation
	Name string
}

// evalOrder refuses a decision (status decided) whose prerequisites are not
// decided (EVAL-19): a unit's rating waits for the party organizations
// directly under it; a person's, for the units they belong to or hold a post
// in; a head's, also for the other leaders of the unit they head. Only an
// edit is held to it: a bundle import of past ratings is taken as recorded.
func evalOrder(ctx context.Context, r *sqldb.Reader, vals map[string]string) error {
	if err := evalScore(vals); err != nil {
		return err
	}
	if st := vals["status"]; st != "" && st != tochuc.EvaluationDecided {
		return nil
	}
	year, err := strconv.Atoi(vals["year"])
	if err != nil {
		return nil // the import's check names it
	}
	period := cmp.Or(vals["period"], tochuc.EvaluationPeriodYear)
	pending, err := EvalPrerequisites(ctx, r, tochuc.Evaluation{Year: year, Period: period, SubjectType: vals["subject_type"],
		SubjectID: vals["subject_id"], Category: vals["category"]})
	if err != nil || len(pending) == 0 {
		return err
	}
	var names []string
	for i, p := range pending {
		if i == 10 {
			names = append(names, fmt.Sprintf("và %d xếp loại khác", len(pending)-10))
			break
		}
		names = append(names, fmt.Sprintf("%s (%s, %s)", cmp.Or(p.Name, p.SubjectID), tochuc.Label("category", p.Category),
			strings.ToLower(tochuc.Label("eval_status", p.Status))))
	}
	return tochuc.Errorf(tochuc.EInvalid, "Chưa thể quyết định xếp loại này: còn chờ quyết định xếp loại của %s. Theo thứ tự đánh giá (EVAL-19), cấp dưới được quyết định trước cấp trên, tập thể trước cá nhân, người đứng đầu sau cùng.",
		strings.Join(names, "; "))
}

// EvalPrerequisites returns the ratings, recorded and not decided, that must
// be decided before e may be (EVAL-19).
func EvalPrerequisites(ctx context.Context, r *sqldb.Reader, e tochuc.Evaluation) ([]EvalPending, error) {
	dec31 := tochuc.NewDate(e.Year, 12, 31)
	var units []string  // units whose unit ratings come first
	var people []string // people whose leader ratings come first
	switch {
	case e.SubjectType == "unit":
		children, err := r.UnitsUnder(ctx, dec31, []string{e.SubjectID})
		if err != nil {
			return nil, Fault(err)
		}
		for _, u := range children {
			if tochuc.IsPartyOrg(u.Kind) {
				units = append(units, u.ID)
			}
		}
	case e.SubjectType == "person":
		places, err := r.PersonPlaces(ctx, []string{e.SubjectID})
		if err != nil {
			return nil, Fault(err)
		}
		for _, p := range places[e.SubjectID] {
			if p.Contains(dec31) && !slices.Contains(units, p.UnitID) {
				units = append(units, p.UnitID)
			}
		}
		if e.Category == "leader" && len(units) > 0 {
			// A head is rated after the other leaders of the unit they head.
			var headed []string
			var others []string
			err := r.CheckSource().PostsIn(ctx, dec31, units, func(p check.PostRow) error {
				if p.PersonID == e.SubjectID && p.Role == check.HeadRole(p.UnitKind) {
					headed = append(headed, p.UnitID)
				}
				return nil
			})
			if err == nil && len(headed) > 0 {
				err = r.CheckSource().PostsIn(ctx, dec31, headed, func(p check.PostRow) error {
					if p.PersonID != e.SubjectID && !slices.Contains(others, p.PersonID) {
						others = append(others, p.PersonID)
					}
					return nil
				})
			}
			if err != nil {
				return nil, Fault(err)
			}
			people = others
		}
	}
	var out []EvalPending
	add := func(f sqldb.EvalFilter) error {
		for batch := range slices.Chunk(f.SubjectIDs, 500) {
			f.SubjectIDs = batch
			rows, err := r.Evaluations(ctx, f, 0, 4*len(batch))
			if err != nil {
				return Fault(err)
			}
			for _, x := range rows {
				if x.Status != tochuc.EvaluationDecided {
					out = append(out, EvalPending{Evaluation: x.Evaluation, Name: x.Name})
				}
			}
		}
		return nil
	}
	if len(units) > 0 {
		if err := add(sqldb.EvalFilter{Year: e.Year, Period: e.Period, SubjectType: "unit", SubjectIDs: units,
			Categories: []string{"party_org", "collective"}}); err != nil {
			return nil, err
		}
	}
	if len(people) > 0 {
		if err := add(sqldb.EvalFilter{Year: e.Year, Period: e.Period, SubjectType: "person", SubjectIDs: people,
			Category: "leader"}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// evalScore refuses a score where the year's rules have none (before 2025:
// 132-QĐ/TW, 124-QĐ/TW) and a rating above the band of its score
// (EVAL-05: the band is necessary, not sufficient).
func evalScore(vals map[string]string) error {
	if vals["score"] == "" {
		return nil
	}
	year, err1 := strconv.Atoi(vals["year"])
	score, err2 := strconv.Atoi(vals["score"])
	if err1 != nil || err2 != nil {
		return nil // the import's check names it
	}
	if !check.Scored(year) {
		return tochuc.Errorf(tochuc.EInvalid, "Năm %d xếp loại theo %s, không chấm điểm: thang điểm 100 áp dụng từ năm 2025 (366-QĐ/TW). Hãy để trống ô điểm.",
			year, check.EvalBasis(year))
	}
	band := tochuc.ScoreBand(score)
	if r := vals["rating"]; r != "" && check.Rank(r) > check.Rank(band) {
		return tochuc.Errorf(tochuc.EInvalid, "Điểm %d thuộc mức \"%s\": không thể xếp loại cao hơn (\"%s\") (366-QĐ/TW).",
			score, tochuc.Label("rating", band), tochuc.Label("rating", r))
	}
	return nil
}
