package bundle

import (
	"bytes"
	"errors"
	"io"
)

// xmlScanner reads an XML document as a stream and reports its start and end
// tags by local name ("si" for <x:si>) and offset, keeping nothing of the
// document but the last tag's name. It fails on a tag, text run, comment,
// CDATA section or processing instruction longer than maxXMLToken
// (xml.Decoder, used by excelize, holds each of them whole), on a document
// type declaration (Office Open XML allows none) and on a '<' inside an
// attribute value. It is not a validating parser: excelize reads the XML
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
)

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
					state, tail = xPI, [2]byte{}
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
				if closing {
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

// localName is a tag's name without its namespace prefix.
func localName(name []byte) []byte {
	if i := bytes.LastIndexByte(name, ':'); i >= 0 {
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
