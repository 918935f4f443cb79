package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// choosePickScope reads the scope a report page was asked for (pham_vi)
// when it is not a unit's code: a name that picks one unit redirects to
// the page with that unit's code, one that picks several or none shows
// them to choose from (with the page's other parameters kept). It reports
// whether it answered the request.
func (s *Server) choosePickScope(w http.ResponseWriter, r *http.Request) (bool, error) {
	typed := strings.TrimSpace(r.URL.Query().Get("pham_vi"))
	if typed == "" || isAPI(r) {
		return false, nil
	}
	if _, err := s.registry.UnitVersions(r.Context(), typed); err == nil {
		return false, nil // a unit's code: the report checks it
	} else if tochuc.ErrorCode(err) != tochuc.ENotFound {
		return false, err
	}
	d, err := pageDate(r)
	if err != nil {
		return false, err
	}
	choices, err := s.pickUnits(r.Context(), d, typed)
	if err != nil {
		return false, err
	}
	with := func(id string) string {
		q := r.URL.Query()
		q.Set("pham_vi", id)
		return r.URL.Path + "?" + q.Encode()
	}
	if len(choices) == 1 {
		http.Redirect(w, r, with(choices[0].ID), http.StatusSeeOther)
		return true, nil
	}
	data := pickData{pickList: pickList{Items: choices}, Query: typed, What: pickUnit}
	for _, c := range choices {
		data.Choose = append(data.Choose, with(c.ID))
	}
	keep := url.Values{}
	for k, v := range r.URL.Query() {
		if k != "pham_vi" {
			keep[k] = v
		}
	}
	data.Back = r.URL.Path + "?" + keep.Encode()
	s.render(w, r, "pick.html", http.StatusOK, page{Title: "Chọn phạm vi", Date: d, Data: data})
	return true, nil
}

// unitByName reads a unit filter typed without the picker: a unit's code
// as it is, or a name that picks one unit in the scope; a name that picks
// several or none is refused, naming the units to choose from.
func (s *Server) unitByName(ctx context.Context, d tochuc.Date, typed string) (string, error) {
	if _, err := s.registry.UnitVersions(ctx, typed); err == nil {
		return typed, nil
	} else if tochuc.ErrorCode(err) != tochuc.ENotFound {
		return "", err
	}
	choices, err := s.pickUnits(ctx, d, typed)
	switch {
	case err != nil:
		return "", err
	case len(choices) == 1:
		return choices[0].ID, nil
	case len(choices) == 0:
		return "", tochuc.Errorf(tochuc.EInvalid, "Không có đơn vị nào tên “%s” trong phạm vi của bạn vào ngày %s.", typed, d.Vietnamese())
	}
	var names []string
	for _, c := range choices {
		names = append(names, c.Name+" ("+c.ID+")")
	}
	return "", tochuc.Errorf(tochuc.EInvalid, "“%s” khớp nhiều đơn vị: %s. Hãy chọn một (gõ tên rồi chọn trong danh sách, hoặc nhập mã).",
		typed, strings.Join(names, "; "))
}
