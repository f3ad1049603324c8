package scenarios

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// node is a parsed JSON value that remembers where it stood in the file, so
// that every later complaint can give a line and column.
type node struct {
	kind byte // '{', '[', '"', '0' (number), 't' (bool), 'n' (null)
	off  int64
	str  string // string text, or number literal
	b    bool
	keys []string
	koff []int64
	vals []*node // object values (parallel to keys) or array elements
}

func (n *node) kindName() string {
	switch n.kind {
	case '{':
		return "an object"
	case '[':
		return "a list"
	case '"':
		return "a string"
	case '0':
		return "a number"
	case 't':
		return "true/false"
	}
	return "null"
}

// parseTree reads exactly one JSON value from data; anything after it but
// white space is an error.
func parseTree(data []byte) (*node, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	p := &treeParser{dec: dec, data: data}
	n, err := p.value()
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &syntaxError{off: p.skip(dec.InputOffset()), msg: "unexpected data after the end of the scenario"}
	}
	return n, nil
}

type treeParser struct {
	dec   *json.Decoder
	data  []byte
	depth int
}

// skip moves an offset past white space, commas and colons to where the next
// token really starts.
func (p *treeParser) skip(off int64) int64 {
	for off < int64(len(p.data)) {
		switch p.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return off
}

func (p *treeParser) token() (json.Token, int64, error) {
	off := p.skip(p.dec.InputOffset())
	t, err := p.dec.Token()
	if err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, off, &syntaxError{off: se.Offset, msg: se.Error()}
		}
		if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, off, &syntaxError{off: int64(len(p.data)), msg: "the file ends too early (truncated?)"}
		}
		return nil, off, &syntaxError{off: off, msg: err.Error()}
	}
	return t, off, nil
}

func (p *treeParser) value() (*node, error) {
	t, off, err := p.token()
	if err != nil {
		return nil, err
	}
	return p.valueFrom(t, off)
}

func (p *treeParser) valueFrom(t json.Token, off int64) (*node, error) {
	switch v := t.(type) {
	case json.Delim:
		p.depth++
		defer func() { p.depth-- }()
		if p.depth > 64 {
			return nil, &syntaxError{off: off, msg: "nested too deeply"}
		}
		if v == '{' {
			n := &node{kind: '{', off: off}
			for {
				t, koff, err := p.token()
				if err != nil {
					return nil, err
				}
				if d, ok := t.(json.Delim); ok && d == '}' {
					return n, nil
				}
				k, ok := t.(string)
				if !ok {
					return nil, &syntaxError{off: koff, msg: "expected a field name"}
				}
				val, err := p.value()
				if err != nil {
					return nil, err
				}
				n.keys = append(n.keys, k)
				n.koff = append(n.koff, koff)
				n.vals = append(n.vals, val)
			}
		}
		if v == '[' {
			n := &node{kind: '[', off: off}
			for {
				t, eoff, err := p.token()
				if err != nil {
					return nil, err
				}
				if d, ok := t.(json.Delim); ok && d == ']' {
					return n, nil
				}
				el, err := p.valueFrom(t, eoff)
				if err != nil {
					return nil, err
				}
				n.vals = append(n.vals, el)
			}
		}
		return nil, &syntaxError{off: off, msg: fmt.Sprintf("unexpected %q", rune(v))}
	case string:
		return &node{kind: '"', off: off, str: v}, nil
	case json.Number:
		return &node{kind: '0', off: off, str: string(v)}, nil
	case bool:
		return &node{kind: 't', off: off, b: v}, nil
	case nil:
		return &node{kind: 'n', off: off}, nil
	}
	return nil, &syntaxError{off: off, msg: "unexpected value"}
}

// lineCol turns a byte offset into 1-based line and column (in characters).
func lineCol(data []byte, off int64) (int, int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	line, col := 1, 1
	for _, r := range string(data[:off]) {
		if r == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}

// syntaxError is a JSON syntax problem at a byte offset.
type syntaxError struct {
	off int64
	msg string
}

func (e *syntaxError) Error() string { return e.msg }
