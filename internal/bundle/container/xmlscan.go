package container

import (
	"bytes"
	"errors"
	"io"
	"strings"
)

// xmlScanner reads an XML document as a stream and reports its start and end
// tags by local name ("si" for <x:si>) and offset, keeping nothing of the
// document but the last tag's name. It fails on a tag, text run, comment,
// CDATA section or processing instruction longer than maxXMLToken
// (xml.Decoder, used by excelize, holds each of them whole), on a document
// type declaration (Office Open XML allows none), on a '<' inside an
// attribute value and on an XML declaration of another encoding than UTF-8. It is not a validating parser: excelize reads the XML
// after it, and fails on what is malformed.
type xmlScanner struct {
	// start is called for each start tag (also for <a/>), end for each end
	// tag (and after start for <a/>); off is the offset of the tag's '<'.
	start, end func(name []byte, off int64) error
}

// errXMLToken and errXMLDoctype are what scan fails with, besides the
// errors of the reader and of the callbacks.
var (
	errXMLToken   = errors.New("XML token too long")
	errXMLDoctype = errors.New("XML with a document type declaration")
	errXMLSyntax  = errors.New("'<' in an XML tag")
	// errXMLEncoding is an XML declaration of an encoding other than UTF-8:
	// xml.Decoder would read what follows through a decoder of that
	// encoding, and see other tags than the bytes show (a UTF-16 <si>).
	errXMLEncoding = errors.New("XML in another encoding than UTF-8")
)

// maxXMLDecl bounds the processing instructions the scanner reads whole, to
// find the encoding of an XML declaration.
const maxXMLDecl = 4 << 10

// Scanner states.
const (
	xText    = iota
	xLT      // after '<'
	xBang    // after "<!": deciding between a comment and CDATA
	xComment // inside <!-- -->
	xCDATA   // inside <![CDATA[ ]]>
	xPI      // inside <? ?>
	xName    // a start tag's name
	xEndName // an end tag's name
	xAttrs   // a start tag after its name
	xQuote   // inside a quoted attribute value
	xEndRest // an end tag after its name
)

// scan reads r to its end.
func (s *xmlScanner) scan(r io.Reader) error {
	buf := make([]byte, 64<<10)
	var (
		state         = xText
		off, tokStart int64 // offset of buf[0], and where the current token started
		name          = make([]byte, 0, 64)
		bang          = make([]byte, 0, 8)
		quote         byte
		tail          [2]byte // the last two bytes of a comment, CDATA or PI
		selfClose     bool
		pi            = make([]byte, 0, 256) // a processing instruction, up to maxXMLDecl
	)
	for {
		n, rerr := r.Read(buf)
		b := buf[:n]
		for i := 0; i < len(b); i++ {
			c := b[i]
			pos := off + int64(i)
			if state == xText {
				j := bytes.IndexByte(b[i:], '<')
				if j < 0 {
					i = len(b)
				} else {
					i += j
				}
				if off+int64(i)-tokStart > maxXMLToken {
					return errXMLToken
				}
				if j < 0 {
					break
				}
				state, tokStart = xLT, off+int64(i)
				continue
			}
			if pos-tokStart > maxXMLToken {
				return errXMLToken
			}
			switch state {
			case xLT:
				switch c {
				case '/':
					state, name = xEndName, name[:0]
				case '?':
					state, tail, pi = xPI, [2]byte{}, pi[:0]
				case '!':
					state, bang = xBang, bang[:0]
				default:
					state, name = xName, append(name[:0], c)
				}
			case xBang:
				bang = append(bang, c)
				switch {
				case string(bang) == "--":
					state, tail = xComment, [2]byte{}
				case string(bang) == "[CDATA[":
					state, tail = xCDATA, [2]byte{}
				case !bytes.HasPrefix([]byte("--"), bang) && !bytes.HasPrefix([]byte("[CDATA["), bang):
					return errXMLDoctype
				}
			case xComment, xCDATA, xPI:
				closing := c == '>' && (state == xComment && tail == [2]byte{'-', '-'} ||
					state == xCDATA && tail == [2]byte{']', ']'} || state == xPI && tail[1] == '?')
				tail = [2]byte{tail[1], c}
				if state == xPI && len(pi) <= maxXMLDecl {
					pi = append(pi, c)
				}
				if closing {
					if state == xPI && !utf8Declared(pi) {
						return errXMLEncoding
					}
					state, tokStart = xText, pos+1
				}
			case xName, xEndName:
				if c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' {
					if state == xName {
						if err := s.emitStart(name, tokStart); err != nil {
							return err
						}
						state, selfClose = xAttrs, false
						i-- // read c again as part of the attributes
					} else {
						if err := s.emitEnd(name, tokStart); err != nil {
							return err
						}
						state = xEndRest
						i--
					}
					continue
				}
				if c == '<' {
					return errXMLSyntax
				}
				name = append(name, c) // at most maxXMLToken bytes
			case xAttrs:
				switch c {
				case '"', '\'':
					state, quote = xQuote, c
				case '<':
					return errXMLSyntax
				case '>':
					if selfClose {
						if err := s.emitEnd(name, tokStart); err != nil {
							return err
						}
					}
					state, tokStart = xText, pos+1
				}
				selfClose = c == '/'
			case xQuote:
				if c == '<' {
					return errXMLSyntax
				}
				if c == quote {
					state = xAttrs
				}
			case xEndRest:
				if c == '>' {
					state, tokStart = xText, pos+1
				} else if c == '<' {
					return errXMLSyntax
				}
			}
		}
		off += int64(n)
		if rerr == io.EOF {
			return nil
		}
		if rerr != nil {
			return rerr
		}
	}
}

// utf8Declared reports whether a processing instruction (what follows
// "<?", up to "?>" included) leaves the encoding as UTF-8: it is no XML
// declaration, or one of UTF-8 or of no encoding, as xml.Decoder reads it.
func utf8Declared(pi []byte) bool {
	n := 0
	for n < len(pi) && (pi[n] >= 'a' && pi[n] <= 'z' || pi[n] >= 'A' && pi[n] <= 'Z' || pi[n] >= '0' && pi[n] <= '9' ||
		pi[n] == '_' || pi[n] == ':' || pi[n] == '.' || pi[n] == '-' || pi[n] >= 0x80) {
		n++
	}
	if string(pi[:n]) != "xml" {
		return true
	}
	if len(pi) > maxXMLDecl {
		return false
	}
	enc := declParam("encoding", string(pi[n:]))
	return enc == "" || strings.EqualFold(enc, "utf-8")
}

// declParam is the value of a parameter of an XML declaration, found as
// encoding/xml's procInst finds it.
func declParam(param, s string) string {
	param += "="
	i := 0
	var sep byte
	for i < len(s) {
		sub := s[i:]
		k := strings.Index(sub, param)
		if k < 0 || len(param)+k >= len(sub) {
			return ""
		}
		i += len(param) + k + 1
		if c := sub[len(param)+k]; c == '\'' || c == '"' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return ""
	}
	j := strings.IndexByte(s[i:], sep)
	if j < 0 {
		return ""
	}
	return s[i : i+j]
}

// localName is a tag's name without its namespace prefix, as xml.Decoder
// splits it: "x:si" is "si", but ":si", "si:" and "a:b:si" stay whole.
func localName(name []byte) []byte {
	if i := bytes.IndexByte(name, ':'); i > 0 && i < len(name)-1 && bytes.Count(name, []byte{':'}) == 1 {
		return name[i+1:]
	}
	return name
}

func (s *xmlScanner) emitStart(name []byte, off int64) error {
	if s.start == nil {
		return nil
	}
	return s.start(localName(name), off)
}

func (s *xmlScanner) emitEnd(name []byte, off int64) error {
	if s.end == nil {
		return nil
	}
	return s.end(localName(name), off)
}
