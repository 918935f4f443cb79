package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/indicator"
)

// TestSpreadsheetSafe: a cell that a spreadsheet would run as a formula gets
// a leading quote; numbers, negative ones included, stay numbers.
func TestSpreadsheetSafe(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"http://x\")": "'=HYPERLINK(\"http://x\")",
		"+1+2":                     "'+1+2",
		"-1+2":                     "'-1+2",
		"-cmd|' /C calc'!A0":       "'-cmd|' /C calc'!A0",
		"@SUM(A1)":                 "'@SUM(A1)",
		"\tx":                      "'\tx",
		"\rx":                      "'\rx",
		"-":                        "'-",
		"-1120":                    "-1120",
		"+48":                      "+48",
		"-0.630691":                "-0.630691",
		"1186":                     "1186",
		"Xã Bảo Đài":               "Xã Bảo Đài",
		"a=b":                      "a=b",
		"":                         "",
	} {
		if got := SpreadsheetSafe(in); got != want {
			t.Errorf("SpreadsheetSafe(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCSVForPeople: the CSV of an explanation names records from the
// registry, whatever they hold.
func TestCSVForPeople(t *testing.T) {
	e := &indicator.Explanation{ID: "units.commune", Items: []indicator.Item{
		{ID: "X1", Name: "=HYPERLINK(\"http://evil\",\"Xã\")", Counted: true, Amount: ptr(-1120)},
		{ID: "@X2", Name: "Xã Bảo Sơn", Part: "-x"},
	}}
	var buf bytes.Buffer
	if err := WriteExplanationCSV(&buf, e); err != nil {
		t.Fatal(err)
	}
	want := BOM + "Mã,Tên,Nhóm,Được tính,Số lượng\n" +
		"X1,\"'=HYPERLINK(\"\"http://evil\"\",\"\"Xã\"\")\",,có,-1120\n" +
		"'@X2,Xã Bảo Sơn,'-x,không,\n"
	if buf.String() != want {
		t.Errorf("csv:\n%s\nwant\n%s", buf.String(), want)
	}
	r := sample()
	r.Indicators[0].Label = "+SUM(1)"
	buf.Reset()
	if err := WriteCSV(&buf, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "\nkey_cadres.commune.count,,'+SUM(1),1186,,,1200,,-14\n") {
		t.Errorf("report csv:\n%s", buf.String())
	}
}
