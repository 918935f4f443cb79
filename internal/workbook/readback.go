package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// SheetRange is what a sheet of a written workbook declares and holds.
type SheetRange struct {
	Part      string // e.g. xl/worksheets/sheet1.xml
	Dimension string // the <dimension ref> as written
	Used      string // the range of the cells it holds ("" when none)
	EmptyText int    // text cells holding "" (a client counts them as values)
}

// ReadRanges reads each sheet of an .xlsx the way a reader that trusts the
// dimension does (its <dimension ref>) and the way one that scans does (the
// cells present): tests compare the two.
func ReadRanges(data []byte) ([]SheetRange, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	var out []SheetRange
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/") || !strings.HasSuffix(zf.Name, ".xml") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return nil, err
		}
		sr, err := scanSheet(zf.Name, rc)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", zf.Name, err)
		}
		out = append(out, sr)
	}
	return out, nil
}

// Mismatch describes the first sheet whose dimension is not its used range
// or that holds empty text cells; "" when every sheet is right.
func Mismatch(data []byte) (string, error) {
	rs, err := ReadRanges(data)
	if err != nil {
		return "", err
	}
	for _, r := range rs {
		if r.Used == "" && r.Dimension == "A1" {
			continue
		}
		if r.Dimension != r.Used {
			return fmt.Sprintf("%s: <dimension ref=%q> but the cells span %q", r.Part, r.Dimension, r.Used), nil
		}
		if r.EmptyText > 0 {
			return fmt.Sprintf("%s: %d cells hold empty text", r.Part, r.EmptyText), nil
		}
	}
	return "", nil
}

func scanSheet(part string, r io.Reader) (SheetRange, error) {
	sr := SheetRange{Part: part}
	dec := xml.NewDecoder(r)
	minC, minR, maxC, maxR := 0, 0, 0, 0
	var inCell bool
	var cellType string
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return sr, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "dimension":
				sr.Dimension = attr(t, "ref")
			case "c":
				col, row, err := excelize.CellNameToCoordinates(attr(t, "r"))
				if err != nil {
					return sr, err
				}
				if maxR == 0 {
					minC, minR = col, row
				}
				minC, minR = min(minC, col), min(minR, row)
				maxC, maxR = max(maxC, col), max(maxR, row)
				inCell, cellType = true, attr(t, "t")
				text.Reset()
			}
		case xml.CharData:
			if inCell {
				text.Write(t)
			}
		case xml.EndElement:
			if t.Name.Local == "c" {
				if (cellType == "inlineStr" || cellType == "str") && text.Len() == 0 {
					sr.EmptyText++
				}
				inCell = false
			}
		}
	}
	if maxR > 0 {
		from, to := cellName(minC, minR), cellName(maxC, maxR)
		sr.Used = from
		if from != to {
			sr.Used = from + ":" + to
		}
	}
	return sr, nil
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}
