package workbook

import (
	"io"
	"runtime"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// TestBookMemoryFlat writes a sheet of some 70 MB of XML: the heap stays
// within the stream writer's buffer (excelize.StreamChunkSize, 16 MB, then
// spilled to a temporary file) whatever the rows, also while the workbook is
// zipped out with its dimension set.
func TestBookMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 350,000 rows")
	}
	b, err := New()
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	s, err := b.Sheet("dai", []string{"Tiêu đề"}, []Column{{Header: "Mã"}, {Header: "Tên"}, {Header: "Ngày"}, {Header: "Số"}})
	if err != nil {
		t.Fatal(err)
	}
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	d := tochuc.MustDate("2020-01-01")
	var base uint64
	for i := range 350000 {
		if i == 20000 {
			base = heap()
		}
		if err := s.Row("P0000001", "Nguyễn Văn Một Hai Ba", d, i); err != nil {
			t.Fatal(err)
		}
	}
	limit := int64(2*excelize.StreamChunkSize + 4<<20)
	grown := int64(heap()) - int64(base)
	t.Logf("heap grew by %d MB", grown>>20)
	if grown > limit {
		t.Errorf("heap grew by %d MB over 330,000 rows", grown>>20)
	}
	if err := b.Write(io.Discard); err != nil {
		t.Fatal(err)
	}
	if got := s.Dimension(); got != "A1:D350002" {
		t.Errorf("dimension %s", got)
	}
}
