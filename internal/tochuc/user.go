package tochuc

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Role is what an account may do in the registry (an account's role, not a
// post held in a unit: those are Roles and Assignment.Role).
type Role string

// The roles of accounts.
const (
	RoleAdmin   Role = "admin"   // everything, including accounts
	RoleStaff   Role = "staff"   // reads and writes within its scope
	RoleViewer  Role = "viewer"  // reads within its scope
	RoleAuditor Role = "auditor" // reads (within its scope, if any) and the audit log
)

// UserRoles lists the account roles in the order forms show them.
var UserRoles = []Role{RoleAdmin, RoleStaff, RoleViewer, RoleAuditor}

var roleLabels = map[Role]string{
	RoleAdmin:   "Quản trị viên",
	RoleStaff:   "Cán bộ Ban Tổ chức",
	RoleViewer:  "Người xem",
	RoleAuditor: "Kiểm tra viên",
}

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool { _, ok := roleLabels[r]; return ok }

// Label returns the Vietnamese name of the role.
func (r Role) Label() string {
	if l, ok := roleLabels[r]; ok {
		return l
	}
	return string(r)
}

// AllUnits is the scope an administrator gives explicitly to let a staff
// member or a viewer work on the whole registry. It exists only in input
// (forms, the command line, UserUpdate): a stored account without a scope has
// ScopeUnitID "".
const AllUnits = "*"

// User is an account of the registry. ScopeUnitID is the unit within which the
// account reads (and, for staff, writes): that unit and every unit reaching it
// through parent or locality links; "" means the whole registry.
//
// The scope rule: an administrator has no scope (it manages every account, so
// a scope would be a false limit); an auditor may have one; a staff member or
// viewer must have one, unless the administrator creating or changing the
// account asks for the whole registry explicitly with AllUnits, so that a
// forgotten scope never grants everything.
type User struct {
	ID          int64
	Login       string
	FullName    string
	Role        Role
	ScopeUnitID string
	Disabled    bool
	// Confidential is the permission to read confidential records (cadre
	// plans, evaluations, discipline, citizen ids) within the account's
	// scope. An administrator has it always; others only when given.
	Confidential bool
}

// CanRead reports whether the account may read the registry (within its scope).
func (u User) CanRead() bool { return !u.Disabled && u.Role.Valid() }

// CanWrite reports whether the account may change data (within its scope).
func (u User) CanWrite() bool {
	return !u.Disabled && (u.Role == RoleAdmin || u.Role == RoleStaff)
}

// CanReadConfidential reports whether the account may read confidential
// records (within its scope): an administrator, or an account given the permission.
func (u User) CanReadConfidential() bool {
	return !u.Disabled && (u.Role == RoleAdmin || (u.Confidential && u.Role.Valid()))
}

// CanReadAudit reports whether the account may read the audit log.
func (u User) CanReadAudit() bool {
	return !u.Disabled && (u.Role == RoleAdmin || u.Role == RoleAuditor)
}

// CanManageUsers reports whether the account may create and change accounts.
func (u User) CanManageUsers() bool { return !u.Disabled && u.Role == RoleAdmin }

// WholeRegistry reports whether the account's scope is the whole registry.
func (u User) WholeRegistry() bool { return u.ScopeUnitID == "" || u.ScopeUnitID == AllUnits }

// NormalizeLogin returns a login as stored: trimmed and in lower case.
func NormalizeLogin(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// ValidateLogin checks a (normalized) login: 3–64 characters among a–z, 0–9,
// '.', '_' and '-', starting with a letter or a digit.
func ValidateLogin(login string) error {
	if n := len(login); n < 3 || n > 64 {
		return Errorf(EInvalid, "tên đăng nhập phải dài từ 3 đến 64 ký tự")
	}
	for i, c := range login {
		alnum := c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
		if !alnum && (i == 0 || c != '.' && c != '_' && c != '-') {
			return Errorf(EInvalid, "tên đăng nhập %q không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và . _ - (bắt đầu bằng chữ hoặc số)", login)
		}
	}
	return nil
}

// Validate checks an account before it is stored (its Login normalized),
// applying the scope rule of User to ScopeUnitID as given: "" is refused for
// staff and viewers, AllUnits accepted.
func (u User) Validate() error {
	if err := ValidateLogin(u.Login); err != nil {
		return err
	}
	if name := strings.TrimSpace(u.FullName); name == "" || utf8.RuneCountInString(name) > 200 {
		return Errorf(EInvalid, "cần họ và tên (tối đa 200 ký tự)")
	}
	if !u.Role.Valid() {
		return Errorf(EInvalid, "vai trò %q không có (cần admin, staff, viewer hoặc auditor)", u.Role)
	}
	if strings.ContainsAny(u.ScopeUnitID, " \t\r\n") || len(u.ScopeUnitID) > 64 {
		return Errorf(EInvalid, "mã đơn vị phạm vi %q không hợp lệ", u.ScopeUnitID)
	}
	switch u.Role {
	case RoleAdmin:
		if !u.WholeRegistry() {
			return Errorf(EInvalid, "quản trị viên không giới hạn theo đơn vị: bỏ phạm vi")
		}
	case RoleStaff, RoleViewer:
		if u.ScopeUnitID == "" {
			return Errorf(EInvalid, "%s cần đơn vị phạm vi; để cho phép toàn bộ cơ sở dữ liệu, chọn rõ phạm vi toàn bộ (%s)",
				u.Role.Label(), AllUnits)
		}
	}
	return nil
}

// UserUpdate changes an account; nil fields stay as they are. Changing the role
// or the scope applies the scope rule to the result, so a staff member or a
// viewer keeps the whole registry only if ScopeUnitID is AllUnits again.
type UserUpdate struct {
	FullName     *string
	Role         *Role
	ScopeUnitID  *string
	Disabled     *bool
	Confidential *bool
}

// APIToken is a token with which a script acts as an account. Only its
// SHA-256 is stored; the token itself is shown once, when created.
type APIToken struct {
	ID         int64
	UserID     int64
	Name       string
	CreatedAt  time.Time
	ExpiresAt  time.Time // zero: never
	LastUsedAt time.Time // zero: never used
	RevokedAt  time.Time // zero: in force
}

// Active reports whether the token may be used at t.
func (t APIToken) Active(at time.Time) bool {
	return t.RevokedAt.IsZero() && (t.ExpiresAt.IsZero() || at.Before(t.ExpiresAt))
}

// The actions of the audit log written by accounts and access.
const (
	AuditLoginOK      = "login.ok"
	AuditLoginFailed  = "login.failed"
	AuditLoginLocked  = "login.locked"
	AuditLogout       = "logout"
	AuditUserCreate   = "user.create"
	AuditUserUpdate   = "user.update"
	AuditUserPassword = "user.password"
	AuditTokenCreate  = "token.create"
	AuditTokenRevoke  = "token.revoke"
	// AuditConfidentialRead is a read of confidential records (plans,
	// evaluations, discipline, citizen ids): who, when and which records.
	AuditConfidentialRead = "confidential.read"
	// AuditKeyTrust and AuditKeyRevoke: a key trusted to sign packages for a
	// scope, or revoked.
	AuditKeyTrust  = "key.trust"
	AuditKeyRevoke = "key.revoke"
)

// AuditEntry is one line of the append-only audit log.
type AuditEntry struct {
	ID         int64          `json:"id"`
	At         time.Time      `json:"at"`                    // zero when appending: now
	UserLogin  string         `json:"user_login"`            // who acted ("cli:NAME" from the command line; the login tried, for a failed login)
	Action     string         `json:"action"`                // e.g. AuditLoginOK
	ObjectType string         `json:"object_type,omitempty"` // e.g. "user", "token", "unit"
	ObjectID   string         `json:"object_id,omitempty"`
	Detail     map[string]any `json:"detail,omitempty"` // stored as JSON
	IP         string         `json:"ip,omitempty"`
}

// AuditFilter narrows a query of the audit log; zero fields do not filter.
type AuditFilter struct {
	Since     time.Time // at or after
	Until     time.Time // before
	UserLogin string
	Action    string // exact, or a prefix ending in '.' ("login.")
	// Person and Unit, when set, keep the entries of changes to a record
	// whose key holds that person's or unit's id (the person, a post, a
	// party event…; the unit, its posts, headcount, a restructuring).
	Person, Unit string
	Limit        int // default 100, at most 1000
	Offset       int
	// After, when set, lists only the entries after it in the log's order
	// (newest first): keyset paging, through the index, whatever the depth.
	After *AuditEntry
	// CountCap bounds the count of the matching entries: 0 counts them all;
	// above 0, at most CountCap+1 are counted (more than CountCap: there
	// are more); below 0, they are not counted.
	CountCap int
}
