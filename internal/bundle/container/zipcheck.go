package container

import (
	"archive/zip"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/tochuc/tochuc/internal/bundle"
)

// zipFile is a .zip or .xlsx opened with the limits of limits.go: its
// directory was read within maxZipDirectory, its headers declare no more
// than the limits allow, and its entries are read through limitReaders that
// hold them to the same limits whatever the headers declared.
type zipFile struct {
	*zip.Reader
	base string // base name, for messages
	kind string // "gói nén" (a .zip) or "sổ tính" (an .xlsx), for messages
	en   string // the same in English: "zip", "workbook"
	f    *os.File
	size int64
	left int64 // uncompressed bytes the entries not yet read may still take
}

// errZipDirectory stops archive/zip reading a directory past maxZipDirectory.
var errZipDirectory = errors.New("zip directory too large")

// openZipFile opens the zip at p and checks its directory and headers. kind
// and en name the container in messages.
func openZipFile(p, kind, en string) (*zipFile, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	z := &zipFile{base: filepath.Base(p), kind: kind, en: en, f: f, size: fi.Size()}
	// archive/zip reads every directory header it finds: count the bytes
	// read while it opens.
	ra := &budgetReaderAt{r: f, left: maxZipDirectory + 128<<10}
	z.Reader, err = zip.NewReader(ra, z.size)
	ra.left = -1 // entries are held to their own limits
	if errors.Is(err, zip.ErrFormat) {
		err = &bundle.ReadError{Vi: fmt.Sprintf("%s %s bị hỏng: không đọc được như một tệp nén", kind, z.base),
			En: fmt.Sprintf("%s %s is damaged: not a valid zip file", en, z.base)}
		if en == "workbook" {
			err.(*bundle.ReadError).Vi += " (sổ tính đặt mật khẩu thì không đọc được)"
			err.(*bundle.ReadError).En += " (a workbook with a password cannot be read)"
		}
	}
	if errors.Is(err, errZipDirectory) {
		err = &bundle.ReadError{Vi: fmt.Sprintf("%s %s có mục lục quá lớn (quá %d tệp?)", kind, z.base, MaxZipEntries),
			En: fmt.Sprintf("%s %s: zip directory too large (over %d files?)", en, z.base, MaxZipEntries)}
	}
	if err == nil {
		err = z.checkHeaders()
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return z, nil
}

// Close closes the file.
func (z *zipFile) Close() error { return z.f.Close() }

// checkHeaders refuses a zip whose headers declare more than the limits allow.
func (z *zipFile) checkHeaders() error {
	if len(z.File) > MaxZipEntries {
		return &bundle.ReadError{Vi: fmt.Sprintf("%s %s có quá %d tệp", z.kind, z.base, MaxZipEntries),
			En: fmt.Sprintf("%s %s: more than %d files", z.en, z.base, MaxZipEntries)}
	}
	z.left = min(MaxUnzippedBytes, max(ratioFloor, MaxRatio*z.size))
	var total uint64
	for _, f := range z.File {
		if f.UncompressedSize64 > uint64(z.entryMax(f)) {
			return z.ratioError(f)
		}
		if total += f.UncompressedSize64; total > uint64(z.left) {
			return z.totalError(f)
		}
	}
	return nil
}

// entryMax is the most an entry may expand to by MaxRatio.
func (z *zipFile) entryMax(f *zip.File) int64 {
	compressed := min(f.CompressedSize64, uint64(z.size)) // a header may lie
	return max(ratioFloor, MaxRatio*int64(compressed))
}

func (z *zipFile) ratioError(f *zip.File) error {
	return &bundle.ReadError{
		Vi: fmt.Sprintf("tệp %s trong %s %s vượt quá giới hạn giải nén: nở ra hơn %d lần (có thể là bom giải nén)",
			f.Name, z.kind, z.base, MaxRatio),
		En: fmt.Sprintf("%s in %s %s: over the decompression limit, expands more than %d times (a decompression bomb?)",
			f.Name, z.en, z.base, MaxRatio)}
}

func (z *zipFile) totalError(f *zip.File) error {
	limit := sizeText(min(MaxUnzippedBytes, max(ratioFloor, MaxRatio*z.size)))
	return &bundle.ReadError{
		Vi: fmt.Sprintf("tệp %s trong %s %s vượt quá giới hạn giải nén: cả gói giải nén ra quá %s", f.Name, z.kind, z.base, limit),
		En: fmt.Sprintf("%s in %s %s: over the decompression limit, the whole file expands to more than %s", f.Name, z.en, z.base, limit)}
}

// open streams an entry, held to MaxRatio and to what is left of the whole
// zip's limit.
func (z *zipFile) open(f *zip.File) (io.ReadCloser, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	e := &zipEntryReader{rc: rc, z: z, f: f}
	ratio := z.entryMax(f)
	over := z.totalError
	if ratio <= z.left {
		over = z.ratioError
	}
	e.lim = limitReader{r: rc, max: min(ratio, z.left), over: func() error { return over(f) }}
	return e, nil
}

// zipEntryReader reads an entry and counts what it takes from the zip's limit.
type zipEntryReader struct {
	rc  io.ReadCloser
	z   *zipFile
	f   *zip.File
	lim limitReader
}

func (e *zipEntryReader) Read(p []byte) (int, error) {
	n, err := e.lim.Read(p)
	e.z.left -= int64(n)
	var corrupt flate.CorruptInputError
	if errors.Is(err, zip.ErrFormat) || errors.Is(err, zip.ErrChecksum) || errors.Is(err, io.ErrUnexpectedEOF) || errors.As(err, &corrupt) {
		err = &bundle.ReadError{
			Vi: fmt.Sprintf("tệp %s trong %s %s bị hỏng hoặc khai sai kích thước", e.f.Name, e.z.kind, e.z.base),
			En: fmt.Sprintf("%s in %s %s is damaged or declares a wrong size", e.f.Name, e.z.en, e.z.base)}
	}
	return n, err
}

func (e *zipEntryReader) Close() error { return e.rc.Close() }

// budgetReaderAt fails once left bytes have been read, unless left < 0.
type budgetReaderAt struct {
	r    io.ReaderAt
	left int64
}

func (b *budgetReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if b.left >= 0 {
		if int64(len(p)) > b.left {
			return 0, errZipDirectory
		}
		b.left -= int64(len(p))
	}
	return b.r.ReadAt(p, off)
}
