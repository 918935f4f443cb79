package container

import (
	"archive/zip"
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"

	"github.com/tochuc/tochuc/internal/bundle"
)

// checkXLSX reads every part of the workbook at p once, as a stream, before
// excelize opens it, and refuses what would make excelize hold too much in
// memory: the zip's limits (zipcheck.go), an XML token longer than
// maxXMLToken, a sheet of more than MaxSheetRows rows or a row of more than
// MaxRowCells cells or maxSheetRowXML bytes, more than MaxWorkbookCells
// cells in all, a shared-string table of more than MaxSharedStrings entries
// or an entry longer than maxSharedString, and parts that excelize holds in
// memory (all but the large sheets and shared strings, which it streams from
// temporary files) of more than maxXLSXInMemory bytes together or
// maxXLSXPartElements elements each.
func checkXLSX(p string) error {
	z, err := openZipFile(p, "sổ tính", "workbook")
	if err != nil {
		return err
	}
	defer z.Close()
	var inMemory uint64
	c := &xlsxCounts{z: z}
	for _, f := range z.File {
		if f.FileInfo().IsDir() {
			continue
		}
		if !xlsxStreams(f) {
			if inMemory += f.UncompressedSize64; inMemory > maxXLSXInMemory {
				return &bundle.ReadError{
					Vi: fmt.Sprintf("sổ tính %s bị từ chối: các phần phải giữ trong bộ nhớ (đến %s) lớn quá %s", z.base, f.Name, sizeText(maxXLSXInMemory)),
					En: fmt.Sprintf("workbook %s refused: the parts held in memory (up to %s) take more than %s", z.base, f.Name, sizeText(maxXLSXInMemory))}
			}
		}
		if ext := strings.ToLower(path.Ext(f.Name)); ext != ".xml" && ext != ".rels" {
			continue // media and the like: held as bytes, never parsed
		}
		if err := c.scanPart(f); err != nil {
			return err
		}
	}
	return nil
}

// xlsxStreams reports whether excelize reads a part from a temporary file
// rather than memory (see excelize's ReadZipReader, with UnzipXMLSizeLimit
// set to xlsxStreamed).
func xlsxStreams(f *zip.File) bool {
	name := strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))
	return f.UncompressedSize64 > xlsxStreamed && (name == "xl/sharedstrings.xml" || strings.HasPrefix(name, "xl/worksheets/sheet"))
}

// xlsxCounts is what checkXLSX counts across the parts.
type xlsxCounts struct {
	z     *zipFile
	cells int64
}

// scanPart reads one XML part, with the checks of its kind (its root element).
func (c *xlsxCounts) scanPart(f *zip.File) error {
	rc, err := c.z.open(f)
	if err != nil {
		return err
	}
	defer rc.Close()
	var (
		root               string
		elements, rows, si int64
		rowCells           int
		rowStart, siStart  int64 = -1, -1
	)
	fail := func(vi, en string) error { return c.z.partError(f, vi, en) }
	sc := &xmlScanner{
		start: func(name []byte, off int64) error {
			if root == "" {
				root = string(name)
			}
			switch {
			case root == "worksheet" && string(name) == "row":
				if rows++; rows > MaxSheetRows {
					return fail("có quá "+tochuc.FormatInt(MaxSheetRows)+" dòng", fmt.Sprintf("more than %d rows", MaxSheetRows))
				}
				rowStart, rowCells = off, 0
			case root == "worksheet" && string(name) == "c":
				if rowCells++; rowCells > MaxRowCells {
					return fail(fmt.Sprintf("dòng thứ %d có quá %d ô", rows, MaxRowCells),
						fmt.Sprintf("row %d has more than %d cells", rows, MaxRowCells))
				}
				if c.cells++; c.cells > MaxWorkbookCells {
					return fail("sổ tính có quá "+tochuc.FormatInt(MaxWorkbookCells)+" ô",
						fmt.Sprintf("the workbook has more than %d cells", MaxWorkbookCells))
				}
				if rowStart >= 0 && off-rowStart > maxSheetRowXML {
					return fail(fmt.Sprintf("dòng thứ %d dài quá %s", rows, sizeText(maxSheetRowXML)),
						fmt.Sprintf("row %d longer than %s", rows, sizeText(maxSheetRowXML)))
				}
			case root == "sst" && string(name) == "si":
				if si++; si > MaxSharedStrings {
					return fail("có quá "+tochuc.FormatInt(MaxSharedStrings)+" chuỗi dùng chung",
						fmt.Sprintf("more than %d shared strings", MaxSharedStrings))
				}
				siStart = off
			case root != "worksheet" && root != "sst":
				if elements++; elements > maxXLSXPartElements {
					return fail("có quá "+tochuc.FormatInt(maxXLSXPartElements)+" phần tử XML",
						fmt.Sprintf("more than %d XML elements", maxXLSXPartElements))
				}
			}
			return nil
		},
		end: func(name []byte, off int64) error {
			switch {
			case root == "worksheet" && string(name) == "row" && rowStart >= 0:
				if off-rowStart > maxSheetRowXML {
					return fail(fmt.Sprintf("dòng thứ %d dài quá %s", rows, sizeText(maxSheetRowXML)),
						fmt.Sprintf("row %d longer than %s", rows, sizeText(maxSheetRowXML)))
				}
				rowStart = -1
			case root == "sst" && string(name) == "si" && siStart >= 0:
				if off-siStart > maxSharedString {
					return fail(fmt.Sprintf("chuỗi dùng chung thứ %d dài quá %s", si, sizeText(maxSharedString)),
						fmt.Sprintf("shared string %d longer than %s", si, sizeText(maxSharedString)))
				}
				siStart = -1
			}
			return nil
		},
	}
	err = sc.scan(rc)
	switch {
	case errors.Is(err, errXMLToken):
		return fail("có một ô hoặc thẻ XML dài quá "+sizeText(maxXMLToken), "an XML cell or tag longer than "+sizeText(maxXMLToken))
	case errors.Is(err, errXMLDoctype):
		return fail("có khai báo DOCTYPE, không được phép trong sổ tính", "a DOCTYPE declaration, not allowed in a workbook")
	case errors.Is(err, errXMLEncoding):
		return fail("không mã hóa UTF-8", "not encoded in UTF-8")
	case errors.Is(err, errXMLSyntax):
		return fail("có XML không hợp lệ (dấu < trong thẻ)", "malformed XML ('<' inside a tag)")
	}
	return err
}

// partError is a refusal of a part of the workbook.
func (z *zipFile) partError(f *zip.File, vi, en string) error {
	return &bundle.ReadError{Vi: fmt.Sprintf("sổ tính %s bị từ chối: phần %s %s", z.base, f.Name, vi),
		En: fmt.Sprintf("workbook %s refused: part %s: %s", z.base, f.Name, en)}
}
