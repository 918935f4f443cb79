package web

import (
	"context"
	"errors"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/textvn"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/tochuc/tochuc/internal/workbook"
)

// The planning workplace (quy hoạch cán bộ): for a term and a unit, the
// matrix of the unit's leadership posts × their nominees with each one's
// age, months to retirement, qualifications, party age, current post,
// findings (PLAN-01/02/03/05) and fit to the post's standard; adding and
// removing a nominee; the plan's structure against PLAN-06 for a scope;
// the matrix as .xlsx and printed. Plans are confidential: every path
// refuses an account without the permission, keeps the scope's rows and
// logs the read.

// maxPlanRows bounds the plan rows one unit's matrix reads (PLAN-02 allows
// 3 a post; a unit has a few dozen posts).
const maxPlanRows = 500

// plansPageSize is the page of the plans list of the API.
const plansPageSize = 100

// leadershipRoles are the roles the matrix offers as rows of a unit.
var leadershipRoles = []string{"secretary", "deputy_secretary", "standing_deputy_secretary", "standing_member",
	"chair", "vice_chair", "head", "deputy_head", "director", "deputy_director"}

// planningRoles are the choices of the post to plan for (code, label).
func planningRoles() []tochuc.Term {
	var out []tochuc.Term
	for _, r := range leadershipRoles {
		out = append(out, tochuc.Term{Code: r, Label: tochuc.RoleLabel(r)})
	}
	return out
}

// errNoPlanPermission refuses the planning workplace to an account without
// the permission to read confidential records.
func errNoPlanPermission() error {
	return tochuc.Errorf(tochuc.EForbidden, "Tài khoản của bạn chưa được giao quyền xem hồ sơ mật (quy hoạch, đánh giá, kỷ luật), nên không xem được quy hoạch cán bộ.")
}

// planningRegistry is what the planning pages read (*sqldb.Reader).
type planningRegistry interface {
	// Terms returns the terms of office held, latest first.
	Terms(ctx context.Context) ([]tochuc.TermRow, error)
	// Plans returns a page of plan rows matching the filter.
	Plans(ctx context.Context, f sqldb.PlanFilter, limit, offset int) ([]sqldb.PlanRow, error)
	// EachPlanNominee streams a term's plans held on d, by person.
	EachPlanNominee(ctx context.Context, term string, d tochuc.Date, fn func(unitID, role, personID string, n tochuc.Nominee) error) error
}

// planningData is the planning page.
type planningData struct {
	planMatrix
	Terms    []string
	Roles    []tochuc.Term
	Reasons  []tochuc.Term
	CanWrite bool
	Error    string
	Query    string // the page's query, for its download links
	Printed  tochuc.Date
	Added    string // a nominee just added or removed (saved note)
	ScopeID  string
}

// planningScope reads the scope and refuses an account without the permission.
func (s *Server) planningScope(r *http.Request) (*app.Scope, error) {
	sc, err := s.scopeOf(r.Context())
	if err != nil {
		return nil, err
	}
	if !sc.MayReadConfidential() {
		return nil, errNoPlanPermission()
	}
	return sc.WithIP(s.clientIP(r)), nil
}

// handlePlanning shows the planning matrix (API: the plans list).
func (s *Server) handlePlanning(w http.ResponseWriter, r *http.Request) error {
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	sc, err := s.planningScope(r)
	if err != nil {
		return err
	}
	if isAPI(r) {
		return s.plansAPI(w, r, sc, d)
	}
	q := r.URL.Query()
	data, keys, err := s.planningPage(r, sc, d, q.Get("nhiem_ky"), q.Get("don_vi"), q.Get("pham_vi"))
	if err != nil {
		return err
	}
	if q.Get("dang") == "xlsx" && data.Unit != nil {
		if err := sc.LogRead(r.Context(), app.ConfidentialRead{File: "plans", Via: "tải quy hoạch (.xlsx)", Keys: keys}); err != nil {
			return err
		}
		return writePlanXLSX(w, data, d)
	}
	if err := sc.LogRead(r.Context(), app.ConfidentialRead{File: "plans", Via: r.URL.Path, Keys: keys,
		Count: len(keys) + data.StructureRows}); err != nil {
		return err
	}
	if n := q.Get("da_luu"); n != "" {
		data.Added = map[string]string{"them": "Đã đưa vào quy hoạch.", "bo": "Đã đưa ra khỏi quy hoạch."}[n]
		if k, err := strconv.Atoi(q.Get("phat_hien")); err == nil && k > 0 && data.Added != "" {
			data.Added += " Kiểm tra theo quy định có thêm " + tochuc.FormatInt(k) + " phát hiện vào ngày quyết định (đánh dấu đỏ bên dưới)."
		}
	}
	s.render(w, r, "planning.html", http.StatusOK, page{Title: "Quy hoạch cán bộ", Date: d, Data: data})
	return nil
}

// planningPage builds the page for a term, a unit and a structure scope,
// with the keys of the plan rows it shows.
func (s *Server) planningPage(r *http.Request, sc *app.Scope, d tochuc.Date, term, unitID, scopeID string) (*planningData, []string, error) {
	ctx := r.Context()
	u, _ := userOf(ctx)
	terms, err := s.registry.Terms(ctx)
	if err != nil {
		return nil, nil, err
	}
	data := &planningData{Roles: planningRoles(), Reasons: tochuc.RemovalReasons, CanWrite: u.CanWrite(), Printed: tochuc.Today()}
	for _, t := range terms {
		if !slices.Contains(data.Terms, t.Term) {
			data.Terms = append(data.Terms, t.Term)
		}
	}
	if term == "" {
		term = defaultTerm(terms, d)
	}
	if term != "" && !bundle.ValidTerm(term) {
		return nil, nil, tochuc.Errorf(tochuc.EInvalid, "Nhiệm kỳ %q không hợp lệ (cần dạng 2025-2030).", term)
	}
	if term != "" && !slices.Contains(data.Terms, term) {
		data.Terms = append(data.Terms, term)
	}
	data.Term, data.TermLabel = term, dashTerm(term)
	data.Query = url.Values{"ngay": {d.String()}, "nhiem_ky": {term}, "don_vi": {unitID}, "pham_vi": {scopeID}}.Encode()
	if term == "" {
		return data, nil, nil
	}
	var keys []string
	if unitID != "" {
		if !sc.UnitOn(unitID, d) {
			return nil, nil, forbiddenOr(nil)
		}
		if keys, err = s.fillMatrix(r, sc, d, &data.planMatrix, terms, unitID); err != nil {
			return nil, nil, err
		}
	}
	if scopeID == "" {
		scopeID = unitID
	}
	data.ScopeID = scopeID
	if err := s.fillStructure(ctx, sc, d, &data.planMatrix, terms, scopeID); err != nil {
		return nil, nil, err
	}
	return data, keys, nil
}

// defaultTerm is the term whose dates hold d, else the latest held.
func defaultTerm(terms []tochuc.TermRow, d tochuc.Date) string {
	for _, t := range terms {
		if t.StartsOn <= d && (t.EndsOn == 0 || d < t.EndsOn) {
			return t.Term
		}
	}
	if len(terms) > 0 {
		return terms[0].Term
	}
	return ""
}

// dashTerm writes "2025-2030" as "2025–2030".
func dashTerm(t string) string { return strings.Replace(t, "-", "–", 1) }

// unitLevel returns the term level of a unit on d, from its kind and its
// locality's (itself, its locality, or its parent's, two steps up).
func (s *Server) unitLevel(ctx context.Context, u tochuc.Unit, d tochuc.Date) string {
	loc := ""
	cur := u
	for range 3 {
		if k, ok := tochuc.LookupUnitKind(cur.Kind); ok && k.Locality {
			loc = cur.Kind
			break
		}
		if cur.LocalityID != "" {
			if l, err := s.registry.Unit(ctx, cur.LocalityID, d); err == nil {
				loc = l.Kind
				break
			}
		}
		if cur.ParentID == "" {
			break
		}
		p, err := s.registry.Unit(ctx, cur.ParentID, d)
		if err != nil {
			break
		}
		cur = p
	}
	return tochuc.TermLevelOf(u.Kind, loc, d)
}

// planCells renders a plan row as the cells of plans.csv.
func planCells(p sqldb.PlanRow) []string {
	f := bundle.FileByName("plans")
	vals := map[string]string{"term": p.Term, "unit_id": p.UnitID, "role": p.Role, "person_id": p.PersonID,
		"added_on": p.AddedOn.String(), "removed_on": p.RemovedOn.String(), "removal_reason": p.RemovalReason, "document_id": p.DocumentID}
	cells := make([]string, len(f.Columns))
	for i, c := range f.Columns {
		cells[i] = vals[c.Name]
	}
	return cells
}

// fillMatrix reads a unit's plan for a term on d: its posts, nominees,
// findings and fits; it returns the keys of the plan rows shown.
func (s *Server) fillMatrix(r *http.Request, sc *app.Scope, d tochuc.Date, m *planMatrix, terms []tochuc.TermRow, unitID string) ([]string, error) {
	ctx := r.Context()
	unit, err := s.registry.Unit(ctx, unitID, d)
	if err != nil {
		return nil, err
	}
	m.Unit = &unit
	m.Level = s.unitLevel(ctx, unit, d)
	m.Start, m.StartFromTerms = tochuc.TermStart(m.Term, m.Level, terms)
	at := max(m.Start, d) // the fit is judged at the term's start, or today once it has begun
	plans, err := s.registry.Plans(ctx, sqldb.PlanFilter{Term: m.Term, UnitID: unitID, AsOf: d}, maxPlanRows, 0)
	if err != nil {
		return nil, err
	}
	f := bundle.FileByName("plans")
	var keys []string
	byRole := map[string][]sqldb.PlanRow{}
	for _, p := range plans {
		ok, err := sc.Row(ctx, f, planCells(p))
		if err != nil {
			return nil, err
		}
		if ok {
			byRole[p.Role] = append(byRole[p.Role], p)
			keys = append(keys, app.RecordKey(f, planCells(p)))
		}
	}
	held, err := s.registry.AssignmentsAsOf(ctx, d, unitID)
	if err != nil {
		return nil, err
	}
	holders := map[string][]string{}
	for _, a := range held {
		if slices.Contains(leadershipRoles, a.Role) {
			holders[a.Role] = append(holders[a.Role], a.PersonID)
		}
	}
	roles := slices.Collect(func(yield func(string) bool) {
		for role := range byRole {
			if !yield(role) {
				return
			}
		}
		for role := range holders {
			if _, ok := byRole[role]; !ok && !yield(role) {
				return
			}
		}
	})
	slices.SortFunc(roles, func(a, b string) int { return tochuc.RoleRank(a) - tochuc.RoleRank(b) })
	findings := s.planFindings(r, d, m.Term, unitID)
	files := map[string]*tochuc.PersonFile{}
	fileOf := func(id string) (*tochuc.PersonFile, error) {
		if pf, ok := files[id]; ok {
			return pf, nil
		}
		pf, err := s.registry.PersonFile(ctx, id)
		if err != nil {
			return nil, err
		}
		files[id] = pf
		return pf, nil
	}
	coll := textvn.NewCollator()
	for _, role := range roles {
		post := planPost{Role: role, Label: tochuc.RoleLabel(role), Findings: findings[role+"|"]}
		for _, id := range holders[role] {
			pf, err := fileOf(id)
			if err != nil {
				return nil, err
			}
			post.Holders = append(post.Holders, personLink{ID: id, Name: pf.FullName})
		}
		st, hasStandard := tochuc.StandardFor(role, m.Level, at)
		for _, p := range byRole[role] {
			pf, err := fileOf(p.PersonID)
			if err != nil {
				return nil, err
			}
			n, err := s.nominee(ctx, d, m.Start, at, p, pf)
			if err != nil {
				return nil, err
			}
			n.Findings = append(findings[role+"|"+p.PersonID], findings["|"+p.PersonID]...)
			if hasStandard {
				n.Standard = st.Basis
				n.Fit = st.Fit(n.facts, at)
				for _, c := range n.Fit {
					if !c.Met {
						n.FitGaps++
					}
				}
			}
			post.Nominees = append(post.Nominees, n)
		}
		slices.SortStableFunc(post.Nominees, func(a, b planNominee) int { return coll.ComparePeople(a.Name, b.Name) })
		switch len(post.Nominees) {
		case 0:
			post.Gap = "Chưa có người trong quy hoạch"
		case 1:
			post.Gap = "Ít hơn 2 người trong quy hoạch"
		}
		m.Posts = append(m.Posts, post)
	}
	return keys, nil
}

// nominee renders one plan row's person for the matrix.
func (s *Server) nominee(ctx context.Context, d, start, at tochuc.Date, p sqldb.PlanRow, pf *tochuc.PersonFile) (planNominee, error) {
	n := planNominee{PersonID: p.PersonID, Name: pf.FullName, AddedOn: p.AddedOn, DocumentID: p.DocumentID,
		Version: strconv.FormatInt(p.Version, 10), Gender: pf.Gender, Ethnicity: pf.Ethnicity,
		Education: tochuc.LevelAt(pf.Qualifications, tochuc.QualEducation, d),
		Theory:    tochuc.LevelAt(pf.Qualifications, tochuc.QualPoliticalTheory, d)}
	if pf.BirthDate != 0 {
		n.BirthYear = pf.BirthDate.Time().Year()
		age := tochuc.AgeOn(pf.BirthDate, start)
		n.Age = &age
	}
	ret := tochuc.RetirementDate(pf.BirthDate, pf.Gender)
	if pf.BirthDate != 0 && ret != 0 {
		left := tochuc.MonthsLeft(start, ret)
		n.MonthsLeft = &left
	}
	admitted, _ := tochuc.PartyDates(pf.Events, at)
	if admitted != 0 && admitted <= start {
		y := tochuc.AgeOn(admitted, start)
		n.PartyYears = &y
	}
	var now []tochuc.Assignment
	for _, a := range pf.Assignments {
		if a.Contains(d) {
			now = append(now, a)
		}
	}
	tochuc.SortByProtocol(now)
	since := tochuc.Date(0)
	if len(now) > 0 {
		names, err := s.registry.UnitNames(ctx, []string{now[0].UnitID}, d)
		if err != nil {
			return n, err
		}
		n.CurrentPost = tochuc.RoleLabel(now[0].Role) + " " + names[now[0].UnitID]
		since = now[0].From
	}
	n.facts = tochuc.NomineeFacts{Education: n.Education, Theory: n.Theory, Retirement: ret, AdmittedOn: admitted, PostSince: since}
	if pf.BirthDate == 0 {
		n.facts.Retirement = 0
	}
	return n, nil
}

// planRules are the rule checks the matrix shows beside its nominees.
var planRules = []string{"PLAN-01", "PLAN-02", "PLAN-03", "PLAN-05"}

// planFindings returns the messages of the findings of a unit's plan for a
// term on d, by "role|person" (PLAN-01, PLAN-05), "role|" (PLAN-02) and
// "|person" (PLAN-03): the rule checks' own run, shared with /kiem-tra.
func (s *Server) planFindings(r *http.Request, d tochuc.Date, term, unitID string) map[string][]string {
	out := map[string][]string{}
	u, _ := userOf(r.Context())
	res, err := s.app.CurrentChecks(r.Context(), u, app.CheckParams{AsOf: d})
	if err != nil {
		out["|"] = []string{"Chưa kiểm tra được theo quy định: " + app.Fault(err).Error()}
		return out
	}
	for _, x := range res.Findings {
		if !slices.Contains(planRules, x.Rule) || x.Subject["term"] != term {
			continue
		}
		msg := x.Rule + ": " + x.MessageVi
		switch x.Rule {
		case "PLAN-03":
			out["|"+x.Subject["person_id"]] = append(out["|"+x.Subject["person_id"]], msg)
		default:
			if x.Subject["unit_id"] == unitID {
				k := x.Subject["role"] + "|" + x.Subject["person_id"]
				out[k] = append(out[k], msg)
			}
		}
	}
	return out
}

// fillStructure counts the plan of a term on d in a scope (a unit and what
// lies under it; "" the account's scope) by PLAN-06: each person once, read
// in a stream ordered by person.
func (s *Server) fillStructure(ctx context.Context, sc *app.Scope, d tochuc.Date, m *planMatrix, terms []tochuc.TermRow, scopeID string) error {
	var units map[string]bool
	level := m.Level
	switch {
	case scopeID != "":
		if !sc.UnitOn(scopeID, d) {
			return forbiddenOr(nil)
		}
		su, err := s.registry.Unit(ctx, scopeID, d)
		if err != nil {
			return err
		}
		m.StructureScope = su.Name
		level = s.unitLevel(ctx, su, d)
		if units, err = s.registry.ScopedUnitIDs(ctx, []string{scopeID}, d); err != nil {
			return err
		}
	case !sc.Whole():
		var err error
		if units, err = s.registry.ScopedUnitIDs(ctx, sc.RootsOn(d), d); err != nil {
			return err
		}
		m.StructureScope = "phạm vi được giao"
	default:
		m.StructureScope = "toàn bộ dữ liệu"
	}
	if level == "" {
		level = "province"
	}
	start, _ := tochuc.TermStart(m.Term, level, terms)
	m.StructureStart = start
	count := tochuc.StructureCount{Level: level, Start: start}
	last := ""
	err := s.registry.EachPlanNominee(ctx, m.Term, d, func(unit, role, person string, n tochuc.Nominee) error {
		if units != nil && !units[unit] {
			return nil
		}
		m.StructureRows++
		if person == last {
			return nil
		}
		last = person
		count.Add(n)
		return nil
	})
	if err != nil {
		return err
	}
	m.Structure = count.Shares()
	return nil
}

// handlePlanningEdit adds a nominee to a plan (thao_tac=them) or removes
// one (thao_tac=bo), through the edit path, then shows the matrix again.
func (s *Server) handlePlanningEdit(w http.ResponseWriter, r *http.Request) error {
	if err := mayWrite(r); err != nil {
		return err
	}
	sc, err := s.planningScope(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return tochuc.Errorf(tochuc.EInvalid, "Biểu mẫu không hợp lệ hoặc quá lớn.")
	}
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	form := r.PostForm
	term, unitID, role, person := form.Get("nhiem_ky"), form.Get("don_vi"), form.Get("chuc_danh"), form.Get("nguoi")
	date, derr := tochuc.ParseDateLoose(strings.TrimSpace(form.Get("ngay_qd")))
	op := form.Get("thao_tac")
	var saveErr error
	var res *app.EditResult
	switch {
	case derr != nil:
		saveErr = tochuc.Errorf(tochuc.EInvalid, "Ngày %q không hợp lệ (cần dd/mm/yyyy).", form.Get("ngay_qd"))
	case op == "them":
		res, saveErr = s.app.AddNominee(r.Context(), s.actor(r), app.NomineeAdd{Term: term, UnitID: unitID, Role: role,
			PersonID: person, AddedOn: date, DocumentID: strings.TrimSpace(form.Get("van_ban"))})
	case op == "bo":
		res, saveErr = s.app.RemoveNominee(r.Context(), s.actor(r), app.NomineeRemoval{Term: term, UnitID: unitID, Role: role,
			PersonID: person, RemovedOn: date, Reason: form.Get("ly_do"), Other: form.Get("ly_do_khac"), Version: form.Get("phien_ban")})
	default:
		saveErr = tochuc.Errorf(tochuc.EInvalid, "Thao tác không rõ.")
	}
	if saveErr == nil {
		q := url.Values{"ngay": {d.String()}, "nhiem_ky": {term}, "don_vi": {unitID}, "da_luu": {op}}
		if res != nil && len(res.Findings) > 0 {
			q.Set("phat_hien", strconv.Itoa(len(res.Findings)))
		}
		http.Redirect(w, r, "/quy-hoach?"+q.Encode(), http.StatusSeeOther)
		return nil
	}
	msg := saveErr.Error()
	code := tochuc.ErrorCode(saveErr)
	var stale *app.StaleError
	switch {
	case errors.As(saveErr, &stale):
		msg = stale.Message
	case code == tochuc.EInvalid:
	case code == tochuc.EForbidden:
		return saveErr
	default:
		return saveErr
	}
	data, keys, err := s.planningPage(r, sc, d, term, unitID, "")
	if err != nil {
		return err
	}
	if err := sc.LogRead(r.Context(), app.ConfidentialRead{File: "plans", Via: r.URL.Path, Keys: keys, Count: len(keys) + data.StructureRows}); err != nil {
		return err
	}
	data.Error = msg
	s.render(w, r, "planning.html", http.StatusUnprocessableEntity, page{Title: "Quy hoạch cán bộ", Date: d, Data: data})
	return nil
}

// plansAPI answers GET /api/v1/plans: a page of plan rows (all, held or
// ended), filtered by term, unit and person, in the scope.
func (s *Server) plansAPI(w http.ResponseWriter, r *http.Request, sc *app.Scope, d tochuc.Date) error {
	q := r.URL.Query()
	f := sqldb.PlanFilter{Term: q.Get("nhiem_ky"), UnitID: q.Get("don_vi"), PersonID: q.Get("nguoi")}
	if f.Term != "" && !bundle.ValidTerm(f.Term) {
		return tochuc.Errorf(tochuc.EInvalid, "Nhiệm kỳ %q không hợp lệ (cần dạng 2025-2030).", f.Term)
	}
	if f.UnitID != "" && !sc.UnitOn(f.UnitID, d) {
		return forbiddenOr(nil)
	}
	if !sc.Whole() && f.UnitID == "" {
		// A scope's list reads only the plans of its units (sc.Row below
		// still applies the read policy to each).
		units, err := s.registry.ScopedUnitIDs(r.Context(), sc.RootsOn(d), d)
		if err != nil {
			return err
		}
		if len(units) > sqldb.MaxPlanUnits {
			return tochuc.Errorf(tochuc.EInvalid, "Phạm vi có quá nhiều đơn vị để liệt kê quy hoạch một lần: hãy lọc theo đơn vị (don_vi).")
		}
		f.Units = slices.Sorted(maps.Keys(units))
	}
	pg := requestedPage(r)
	rows, err := s.registry.Plans(r.Context(), f, plansPageSize+1, (pg-1)*plansPageSize)
	if err != nil {
		return err
	}
	out := planList{Items: []planItem{}, Page: pg}
	if len(rows) > plansPageSize {
		rows, out.More = rows[:plansPageSize], true
		out.Next = pageURL(r, pg+1)
	}
	pf := bundle.FileByName("plans")
	var keys []string
	for _, p := range rows {
		ok, err := sc.Row(r.Context(), pf, planCells(p))
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		out.Items = append(out.Items, planItem{Plan: p.Plan, FullName: p.FullName, Version: strconv.FormatInt(p.Version, 10)})
		keys = append(keys, app.RecordKey(pf, planCells(p)))
	}
	if err := sc.LogRead(r.Context(), app.ConfidentialRead{File: "plans", Via: r.URL.Path, Keys: keys}); err != nil {
		return err
	}
	writeAPI(w, http.StatusOK, apiPage{AsOf: d, Data: out})
	return nil
}

// handleTerms lists the terms of office (GET /nhiem-ky, /api/v1/terms).
func (s *Server) handleTerms(w http.ResponseWriter, r *http.Request) error {
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	terms, err := s.registry.Terms(r.Context())
	if err != nil {
		return err
	}
	out := termList{Items: terms}
	if out.Items == nil {
		out.Items = []tochuc.TermRow{}
	}
	s.render(w, r, "terms.html", http.StatusOK, page{Title: "Nhiệm kỳ", Date: d, Data: out, API: out})
	return nil
}

// writePlanXLSX writes a unit's plan in the shape boards submit.
func writePlanXLSX(w http.ResponseWriter, data *planningData, d tochuc.Date) error {
	b, err := workbook.New()
	if err != nil {
		return err
	}
	defer b.Close()
	title := []string{"DANH SÁCH QUY HOẠCH " + strings.ToUpper(data.Unit.Name) + " NHIỆM KỲ " + data.TermLabel,
		"Đơn vị: " + data.Unit.Name, "Tính đến ngày " + d.Vietnamese()}
	cols := []workbook.Column{{Header: "STT", Width: 6}, {Header: "Họ và tên", Width: 28}, {Header: "Năm sinh", Width: 10},
		{Header: "Chức vụ hiện tại", Width: 36}, {Header: "Trình độ chuyên môn", Width: 16}, {Header: "Lý luận chính trị", Width: 16},
		{Header: "Chức danh quy hoạch", Width: 24}}
	sh, err := b.Sheet("Quy hoạch", title, cols)
	if err != nil {
		return err
	}
	i := 0
	for _, p := range data.Posts {
		for _, n := range p.Nominees {
			i++
			birth := ""
			if n.BirthYear > 0 {
				birth = strconv.Itoa(n.BirthYear)
			}
			if err := sh.Row(i, n.Name, birth, n.CurrentPost, tochuc.Label("education", n.Education),
				tochuc.Label("political_theory", n.Theory), p.Label); err != nil {
				return err
			}
		}
	}
	if err := sh.Close(); err != nil {
		return err
	}
	w.Header().Set("Content-Type", xlsxType)
	w.Header().Set("Content-Disposition", `attachment; filename="quy-hoach-`+safeName(data.Unit.ID)+`-`+data.Term+`.xlsx"`)
	return b.Write(w)
}

// safeName keeps of an id the characters a file name may hold.
func safeName(id string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, id)
}

// nomineeData is the detail of one nominee: the post, the person's facts,
// findings and fit to the post's standard.
type nomineeData struct {
	planMatrix
	Post    planPost
	Nominee planNominee
	Back    string
}

// handleNominee shows one nominee of a unit's plan for a term
// (/quy-hoach/ung-vien?nhiem_ky=&don_vi=&chuc_danh=&nguoi=).
func (s *Server) handleNominee(w http.ResponseWriter, r *http.Request) error {
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	sc, err := s.planningScope(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	term, unitID, role, person := q.Get("nhiem_ky"), q.Get("don_vi"), q.Get("chuc_danh"), q.Get("nguoi")
	if !bundle.ValidTerm(term) {
		return tochuc.Errorf(tochuc.EInvalid, "Nhiệm kỳ %q không hợp lệ (cần dạng 2025-2030).", term)
	}
	if !sc.UnitOn(unitID, d) {
		return forbiddenOr(nil)
	}
	terms, err := s.registry.Terms(r.Context())
	if err != nil {
		return err
	}
	data := nomineeData{planMatrix: planMatrix{Term: term, TermLabel: dashTerm(term)},
		Back: "/quy-hoach?" + url.Values{"ngay": {d.String()}, "nhiem_ky": {term}, "don_vi": {unitID}}.Encode()}
	if _, err := s.fillMatrix(r, sc, d, &data.planMatrix, terms, unitID); err != nil {
		return err
	}
	found := false
	for _, p := range data.Posts {
		for _, n := range p.Nominees {
			if p.Role == role && n.PersonID == person {
				data.Post, data.Nominee, found = p, n, true
			}
		}
	}
	if !found {
		return tochuc.Errorf(tochuc.ENotFound, "Không có %s trong quy hoạch chức danh %s nhiệm kỳ %s vào ngày %s.",
			person, tochuc.RoleLabel(role), dashTerm(term), d.Vietnamese())
	}
	key := term + "|" + unitID + "|" + role + "|" + person
	if err := sc.LogRead(r.Context(), app.ConfidentialRead{File: "plans", Via: r.URL.Path, Keys: []string{key}}); err != nil {
		return err
	}
	s.render(w, r, "planning_nominee.html", http.StatusOK, page{Title: data.Nominee.Name + " — " + data.Post.Label, Date: d, Data: data})
	return nil
}
