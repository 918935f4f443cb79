package web

import (
	"net/http"
	"net/url"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// The register of discipline (/ky-luat): confidential — refused to an
// account without the permission, kept to the scope, each read logged.

// maxCodeParam is the longest code a filter of the register takes.
const maxCodeParam = 200

// disciplineData is the register's page.
type disciplineData struct {
	disciplineList
	Filter  disciplineFilterView
	Forms   []tochuc.Term
	CanAdd  bool
	AddLink string
}

// disciplineFilterView is the filter as asked (query parameters).
type disciplineFilterView struct {
	Form, Subject, Authority, From, To, Scope string
}

// handleDiscipline lists the register: filters form (hinh_thuc), subject
// (ma_doi_tuong), authority (co_quan), date range (tu, den), scope (pham_vi).
func (s *Server) handleDiscipline(w http.ResponseWriter, r *http.Request) error {
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	sc, err := s.scopeOf(r.Context())
	if err != nil {
		return err
	}
	if !sc.MayReadConfidential() {
		return tochuc.Errorf(tochuc.EForbidden, "Tài khoản chưa được cấp quyền xem hồ sơ mật (kỷ luật).")
	}
	q := r.URL.Query()
	fv := disciplineFilterView{Form: q.Get("hinh_thuc"), Subject: q.Get("ma_doi_tuong"), Authority: q.Get("co_quan"),
		From: q.Get("tu"), To: q.Get("den"), Scope: q.Get("pham_vi")}
	p := app.DisciplineParams{AsOf: d, Scope: fv.Scope, DisciplineFilter: sqldb.DisciplineFilter{Form: fv.Form, SubjectID: fv.Subject,
		AuthorityID: fv.Authority}}
	for _, v := range []string{fv.Subject, fv.Authority, fv.Scope} {
		if len(v) > maxCodeParam {
			return tochuc.Errorf(tochuc.EInvalid, "Mã quá dài (tối đa %d ký tự).", maxCodeParam)
		}
	}
	if fv.Form != "" && tochuc.Label("discipline_form", fv.Form) == fv.Form {
		return tochuc.Errorf(tochuc.EInvalid, "Không có hình thức kỷ luật %q.", fv.Form)
	}
	for _, x := range []struct {
		v   string
		dst *tochuc.Date
	}{{fv.From, &p.From}, {fv.To, &p.To}} {
		if x.v != "" {
			if *x.dst, err = tochuc.ParseDateLoose(x.v); err != nil {
				return tochuc.Errorf(tochuc.EInvalid, "Ngày không hợp lệ: %q (cần dd/mm/yyyy)", x.v)
			}
		}
	}
	n := requestedPage(r)
	res, err := sc.Disciplines(r.Context(), p, (n-1)*pageSize, pageSize)
	if err != nil {
		return err
	}
	if err := sc.WithIP(s.clientIP(r)).LogRead(r.Context(), app.ConfidentialRead{File: "discipline", Via: r.URL.Path, Keys: res.Keys}); err != nil {
		return err
	}
	data := disciplineData{disciplineList: disciplineList{Items: res.Lines}, Filter: fv}
	data.listInfo = newPager(r, res.Total)
	for _, f := range tochuc.DisciplineForms {
		data.Forms = append(data.Forms, tochuc.Term{Code: f, Label: tochuc.Label("discipline_form", f)})
	}
	u, _ := userOf(r.Context())
	if u.CanWrite() {
		data.CanAdd = true
		data.AddLink = "/sua/discipline?" + url.Values{"ngay": {d.String()}, "subject_type": {"person"}}.Encode()
	}
	s.render(w, r, "discipline.html", http.StatusOK, page{Title: "Kỷ luật", Date: d, Data: data, API: data.disciplineList})
	return nil
}
