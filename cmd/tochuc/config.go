package main

import (
	"flag"
	"fmt"
	"io"
	"net/netip"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/tochuc/tochuc/internal/bundle/manifest"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/web"
)

// Config is what tochuc serve runs with: its defaults (defaultConfig), then
// the flags (addFlags). serve and config both build it with serveConfig, so
// what config prints is what serve uses.
type Config struct {
	DB   string // SQLite file or postgres:// URL (--db, TOCHUC_DB)
	User string // who is written in the change log (--user, TOCHUC_USER)

	Addr           string        // --addr: where serve listens
	Demo           bool          // --demo: load the demo into an empty database
	RequestTimeout time.Duration // --request-timeout: each request's time budget
	SecureCookies  bool          // --secure-cookies: Secure cookie and HSTS behind HTTPS
	DBConns        int           // --db-conns: the connections this process keeps to the database at most
	TrustedProxies string        // --trusted-proxies: the reverse proxies in front (CIDR or addresses, comma-separated)
	SignKey        string        // --sign-key: the private key that signs the web's package exports ("": none)

	// Fixed in the code, printed so that an operator knows them.
	ExportTimeout time.Duration // time budget of a download or an upload
	SessionIdle   time.Duration // a session ends after this long unused
	SessionMaxAge time.Duration // and after this long in any case
	PurgeEvery    time.Duration // how often ended sessions are deleted
}

// defaultConfig returns serve's defaults.
func defaultConfig() Config {
	return Config{
		Addr:           "localhost:8080",
		RequestTimeout: web.DefaultRequestTimeout,
		DBConns:        sqldb.MaxConns,
		ExportTimeout:  web.ExportTimeout,
		SessionIdle:    web.SessionTTL,
		SessionMaxAge:  sqldb.SessionMaxAge,
		PurgeEvery:     purgeEvery,
	}
}

// addFlags adds serve's flags to fs, each defaulting to the value in c.
func (c *Config) addFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.Addr, "addr", c.Addr, "địa chỉ lắng nghe HOST:PORT")
	fs.BoolVar(&c.Demo, "demo", c.Demo, "nạp dữ liệu mẫu và tạo tài khoản mẫu vào cơ sở dữ liệu trống (từ chối cơ sở dữ liệu có dữ liệu khác)")
	fs.DurationVar(&c.RequestTimeout, "request-timeout", c.RequestTimeout, "thời gian tối đa của một yêu cầu (quá thời gian: dừng các truy vấn, trả lời 503); tải xuống và tải lên: "+c.ExportTimeout.String())
	fs.BoolVar(&c.SecureCookies, "secure-cookies", c.SecureCookies, "đánh dấu cookie phiên là Secure (khi chạy sau HTTPS)")
	fs.StringVar(&c.TrustedProxies, "trusted-proxies", c.TrustedProxies, "các máy chủ proxy ngược phía trước (CIDR hoặc địa chỉ, cách nhau dấu phẩy): yêu cầu từ chúng được tính theo địa chỉ trong X-Forwarded-For")
	fs.StringVar(&c.SignKey, "sign-key", c.SignKey, "tệp khóa bí mật (tochuc.key) để ký gói dữ liệu tải từ trang web (manifest.json có chữ ký)")
	fs.IntVar(&c.DBConns, "db-conns", c.DBConns, "số kết nối tối đa tới cơ sở dữ liệu của tiến trình này (nhiều máy chủ dùng chung PostgreSQL: tổng phải nhỏ hơn max_connections)")
}

// serveConfig parses the flags of serve (or of config, which takes the same)
// over the defaults.
func serveConfig(e *env, name, args string, argv []string) (Config, error) {
	c := defaultConfig()
	fs := newFlags(e, name, args)
	c.addFlags(fs)
	if err := fs.Parse(argv); err != nil {
		return Config{}, err
	}
	if _, err := parseProxies(c.TrustedProxies); err != nil {
		return Config{}, err
	}
	if c.SignKey != "" {
		if _, err := manifest.LoadPrivateKey(c.SignKey); err != nil {
			return Config{}, usageError{"--sign-key: " + err.Error()}
		}
	}
	if c.DBConns < 1 || c.DBConns > 1000 {
		return Config{}, usageError{"--db-conns: từ 1 đến 1000 kết nối"}
	}
	c.DB, c.User = e.dsn, e.user
	return c, nil
}

// print writes the configuration, the database password redacted; a value
// left at its default says so.
func (c Config) print(w io.Writer) error {
	def := defaultConfig()
	engine := "sqlite"
	if sqldb.IsPostgres(c.DB) {
		engine = "postgres"
	}
	mark := func(v, d any) string {
		if v == d {
			return "\t(mặc định)"
		}
		return ""
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "db\t%s\t(%s)\n", sqldb.Redact(c.DB), engine)
	fmt.Fprintf(tw, "user\t%s\t(người ghi vào nhật ký thay đổi)\n", c.User)
	fmt.Fprintf(tw, "serve --addr\t%s%s\n", c.Addr, mark(c.Addr, def.Addr))
	fmt.Fprintf(tw, "serve --demo\t%t%s\n", c.Demo, mark(c.Demo, def.Demo))
	fmt.Fprintf(tw, "serve --request-timeout\t%s%s\n", c.RequestTimeout, mark(c.RequestTimeout, def.RequestTimeout))
	fmt.Fprintf(tw, "serve --secure-cookies\t%t%s\n", c.SecureCookies, mark(c.SecureCookies, def.SecureCookies))
	proxies := c.TrustedProxies
	if proxies == "" {
		proxies = "không có"
	}
	fmt.Fprintf(tw, "serve --trusted-proxies\t%s%s\n", proxies, mark(c.TrustedProxies, def.TrustedProxies))
	fmt.Fprintf(tw, "serve --db-conns\t%d%s\n", c.DBConns, mark(c.DBConns, def.DBConns))
	signKey := c.SignKey
	if signKey == "" {
		signKey = "không có"
	}
	fmt.Fprintf(tw, "serve --sign-key\t%s%s\n", signKey, mark(c.SignKey, def.SignKey))
	fmt.Fprintf(tw, "tải xuống, tải lên\ttối đa %s\n", durationVi(c.ExportTimeout))
	fmt.Fprintf(tw, "phiên đăng nhập\t%s không hoạt động, tối đa %s\n", durationVi(c.SessionIdle), durationVi(c.SessionMaxAge))
	fmt.Fprintf(tw, "xóa phiên đã hết\tmỗi %s\n", durationVi(c.PurgeEvery))
	return tw.Flush()
}

// durationVi writes a duration in Vietnamese: "2 giờ", "1 giờ 30 phút", "45 giây".
func durationVi(d time.Duration) string {
	var parts []string
	for _, u := range []struct {
		d    time.Duration
		name string
	}{{time.Hour, "giờ"}, {time.Minute, "phút"}, {time.Second, "giây"}} {
		if n := d / u.d; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, u.name))
			d -= n * u.d
		}
	}
	if d > 0 || len(parts) == 0 {
		parts = append(parts, d.String())
	}
	return strings.Join(parts, " ")
}

// parseProxies reads --trusted-proxies: CIDR prefixes or single addresses,
// comma-separated.
func parseProxies(v string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.Split(v, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		p, err := netip.ParsePrefix(f)
		if err != nil {
			a, aerr := netip.ParseAddr(f)
			if aerr != nil {
				return nil, usageError{fmt.Sprintf("--trusted-proxies: %q không phải địa chỉ hay dải địa chỉ (CIDR)", f)}
			}
			p = netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen())
		}
		out = append(out, p.Masked())
	}
	return out, nil
}
