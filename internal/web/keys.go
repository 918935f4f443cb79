package web

import (
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// keyRow is a trusted key as the keys page shows it.
type keyRow struct {
	app.TrustedKey
	ScopeName string
}

// keysData is the page "Khóa ký gói dữ liệu": the keys and the note of a
// change just saved.
type keysData struct {
	Keys []keyRow
	Note string
}

// handleKeys lists the keys whose signed packages the registry accepts,
// with the forms to trust a key (a .pub file, a unit) and to revoke one.
// Administrators only.
func (s *Server) handleKeys(w http.ResponseWriter, r *http.Request) error {
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	if err := mayManageAccounts(r); err != nil {
		return err
	}
	ks, err := s.app.Accounts().Keys(r.Context(), s.actor(r))
	if err != nil {
		return err
	}
	var ids []string
	for _, k := range ks {
		ids = append(ids, k.ScopeUnitID)
	}
	names, err := s.registry.UnitNames(r.Context(), compactIDs(ids), d)
	if err != nil {
		return err
	}
	data := keysData{Note: keysNote(r.URL.Query())}
	for _, k := range ks {
		row := keyRow{TrustedKey: k, ScopeName: names[k.ScopeUnitID]}
		if row.ScopeName == "" {
			row.ScopeName = k.ScopeUnitID
		}
		data.Keys = append(data.Keys, row)
	}
	s.render(w, r, "keys.html", http.StatusOK, page{Title: "Khóa ký gói dữ liệu", Date: d, Data: data})
	return nil
}

// handleKeyTrust trusts the uploaded public key (field "tep") for the unit
// "don_vi" under the name "ten" (app.Accounts.TrustKey: audited).
func (s *Server) handleKeyTrust(w http.ResponseWriter, r *http.Request) error {
	if err := mayManageAccounts(r); err != nil {
		return err
	}
	if err := r.ParseMultipartForm(formBody); err != nil {
		return tochuc.Errorf(tochuc.EInvalid, "Không đọc được biểu mẫu: cần tệp khóa công khai (.pub).")
	}
	f, _, err := r.FormFile("tep")
	if err != nil {
		return tochuc.Errorf(tochuc.EInvalid, "Cần chọn tệp khóa công khai (.pub).")
	}
	defer f.Close()
	pem, err := io.ReadAll(io.LimitReader(f, 16<<10))
	if err != nil {
		return tochuc.Errorf(tochuc.EInvalid, "Không đọc được tệp khóa công khai.")
	}
	unit := strings.TrimSpace(r.FormValue("don_vi"))
	if unit != "" {
		if unit, err = s.unitByName(r.Context(), tochuc.Today(), unit); err != nil {
			return err
		}
	}
	k, err := s.app.Accounts().TrustKey(r.Context(), s.actor(r), pem, unit, r.FormValue("ten"))
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/khoa-ky?"+url.Values{"da_tin": {k.Fingerprint}}.Encode(), http.StatusSeeOther)
	return nil
}

// handleKeyRevoke revokes the key "van_tay" (app.Accounts.RevokeKey: audited).
func (s *Server) handleKeyRevoke(w http.ResponseWriter, r *http.Request) error {
	if err := mayManageAccounts(r); err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return tochuc.Errorf(tochuc.EInvalid, "Không đọc được biểu mẫu.")
	}
	k, err := s.app.Accounts().RevokeKey(r.Context(), s.actor(r), r.PostForm.Get("van_tay"))
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/khoa-ky?"+url.Values{"da_thu_hoi": {k.Fingerprint}}.Encode(), http.StatusSeeOther)
	return nil
}

// keysNote is the note of a change just saved ("" when none).
func keysNote(q url.Values) string {
	if fp := q.Get("da_tin"); fp != "" && len(fp) <= 64 {
		return "Đã tin cậy khóa " + fp + "."
	}
	if fp := q.Get("da_thu_hoi"); fp != "" && len(fp) <= 64 {
		return "Đã thu hồi khóa " + fp + "."
	}
	return ""
}
