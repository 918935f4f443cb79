package web

import (
	"net/http"
	"net/url"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// confidentialParam is the form field of the permission to read
// confidential records (a checkbox).
const confidentialParam = "ho_so_mat"

// accountRow is an account as the accounts pages show it.
type accountRow struct {
	tochuc.User
	ScopeName    string // the scope unit's name, or "Toàn bộ dữ liệu"
	Confidential bool   // given the permission to read confidential records (an administrator always has it)
	Link         string
}

// accountsData is the accounts page: the accounts, the one shown (its
// form), and the note of a change just saved.
type accountsData struct {
	Accounts []accountRow
	Account  *accountRow
	Note     string
}

// handleAccounts lists the accounts, for administrators: login, name,
// role, scope, state and the permission to read confidential records.
func (s *Server) handleAccounts(w http.ResponseWriter, r *http.Request) error {
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	if err := mayManageAccounts(r); err != nil {
		return err
	}
	users, err := s.app.Accounts().Users(r.Context())
	if err != nil {
		return err
	}
	rows, err := s.accountRows(r, d, users)
	if err != nil {
		return err
	}
	data := accountsData{Accounts: rows, Note: accountNote(r.URL.Query())}
	s.render(w, r, "accounts.html", http.StatusOK, page{Title: "Tài khoản", Date: d, Data: data})
	return nil
}

// handleAccount shows one account with the form that gives or takes its
// permission to read confidential records.
func (s *Server) handleAccount(w http.ResponseWriter, r *http.Request) error {
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	if err := mayManageAccounts(r); err != nil {
		return err
	}
	u, err := s.app.Accounts().User(r.Context(), r.PathValue("login"))
	if err != nil {
		return err
	}
	rows, err := s.accountRows(r, d, []tochuc.User{u})
	if err != nil {
		return err
	}
	s.render(w, r, "accounts.html", http.StatusOK, page{Title: "Tài khoản " + u.Login, Date: d,
		Data: accountsData{Account: &rows[0]}})
	return nil
}

// handleAccountSave gives or takes an account's permission to read
// confidential records (app.Accounts.UpdateUser: audited), then returns to
// the list with a note.
func (s *Server) handleAccountSave(w http.ResponseWriter, r *http.Request) error {
	if err := mayManageAccounts(r); err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return tochuc.Errorf(tochuc.EInvalid, "Không đọc được biểu mẫu.")
	}
	give := r.PostForm.Get(confidentialParam) != ""
	u, err := s.app.Accounts().UpdateUser(r.Context(), s.actor(r), r.PathValue("login"), tochuc.UserUpdate{Confidential: &give})
	if err != nil {
		return err
	}
	q := url.Values{"da_sua": {u.Login}}
	if give {
		q.Set("quyen", "co")
	} else {
		q.Set("quyen", "khong")
	}
	http.Redirect(w, r, "/tai-khoan?"+q.Encode(), http.StatusSeeOther)
	return nil
}

// mayManageAccounts refuses an account that is not an administrator.
func mayManageAccounts(r *http.Request) error {
	if u, ok := userOf(r.Context()); !ok || !u.CanManageUsers() {
		return tochuc.Errorf(tochuc.EForbidden, "Chỉ quản trị viên được xem và sửa tài khoản.")
	}
	return nil
}

// accountNote is the note of a change just saved ("" when none).
func accountNote(q url.Values) string {
	login := q.Get("da_sua")
	if login == "" || len(login) > 64 {
		return ""
	}
	if q.Get("quyen") == "co" {
		return "Đã cho tài khoản " + login + " được xem hồ sơ mật."
	}
	return "Tài khoản " + login + " không còn được xem hồ sơ mật."
}

// accountRows names the accounts' scopes on d.
func (s *Server) accountRows(r *http.Request, d tochuc.Date, users []tochuc.User) ([]accountRow, error) {
	var ids []string
	for _, u := range users {
		if !u.WholeRegistry() {
			ids = append(ids, u.ScopeUnitID)
		}
	}
	names, err := s.registry.UnitNames(r.Context(), compactIDs(ids), d)
	if err != nil {
		return nil, err
	}
	out := make([]accountRow, 0, len(users))
	for _, u := range users {
		row := accountRow{User: u, ScopeName: "Toàn bộ dữ liệu", Confidential: u.Role == tochuc.RoleAdmin || u.Confidential,
			Link: "/tai-khoan/" + url.PathEscape(u.Login)}
		if !u.WholeRegistry() {
			row.ScopeName = names[u.ScopeUnitID]
			if row.ScopeName == "" {
				row.ScopeName = u.ScopeUnitID
			}
		}
		out = append(out, row)
	}
	return out, nil
}
