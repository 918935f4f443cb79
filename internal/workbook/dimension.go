package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"

	"github.com/xuri/excelize/v2"
)

// excelize's StreamWriter writes a sheet's head, with <dimension ref="A1">,
// before its rows: a reader that trusts the dimension (openpyxl's read-only
// mode, several ETL tools) then sees one cell. dimZip rewrites the
// dimension of each streamed sheet as the zip is written, once its range is
// known, without holding the sheet in memory.

// sheetPath is the part name of a sheet of a workbook excelize created.
func sheetPath(f *excelize.File, name string) (string, bool) {
	for id, n := range f.GetSheetMap() {
		if n == name {
			return fmt.Sprintf("xl/worksheets/sheet%d.xml", id), true
		}
	}
	return "", false
}

// dimZip is a zip writer that sets the dimension of the sheets in dims.
type dimZip struct {
	*zip.Writer
	dims map[string]string // part name → used range
	open *dimPatch
}

func (z *dimZip) Create(name string) (io.Writer, error) {
	if err := z.flush(); err != nil {
		return nil, err
	}
	w, err := z.Writer.Create(name)
	if err != nil {
		return nil, err
	}
	if ref, ok := z.dims[name]; ok {
		z.open = &dimPatch{w: w, ref: ref}
		return z.open, nil
	}
	return w, nil
}

func (z *dimZip) Close() error {
	if err := z.flush(); err != nil {
		return err
	}
	return z.Writer.Close()
}

func (z *dimZip) flush() error {
	if z.open == nil {
		return nil
	}
	err := z.open.done()
	z.open = nil
	return err
}

// dimPatch holds a sheet's head until its <sheetData starts, then writes it
// with the dimension replaced and passes the rest through.
type dimPatch struct {
	w       io.Writer
	ref     string
	head    bytes.Buffer
	through bool
}

var dimensionRef = regexp.MustCompile(`<dimension ref="[^"]*"`)

// maxHead bounds the head held: past it the sheet is passed on unchanged.
const maxHead = 1 << 20

func (p *dimPatch) Write(b []byte) (int, error) {
	if p.through {
		return p.w.Write(b)
	}
	p.head.Write(b)
	if bytes.Contains(p.head.Bytes(), []byte("<sheetData")) || p.head.Len() > maxHead {
		if err := p.done(); err != nil {
			return 0, err
		}
	}
	return len(b), nil
}

func (p *dimPatch) done() error {
	if p.through {
		return nil
	}
	p.through = true
	head := p.head.Bytes()
	if loc := dimensionRef.FindIndex(head); loc != nil {
		patched := append([]byte(`<dimension ref="`+p.ref+`"`), head[loc[1]:]...)
		head = append(head[:loc[0]:loc[0]], patched...)
	}
	_, err := p.w.Write(head)
	p.head = bytes.Buffer{}
	return err
}
