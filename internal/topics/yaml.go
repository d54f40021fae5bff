package topics

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/brief-reader/brief/internal/textclean"
	"github.com/brief-reader/brief/internal/yamlguard"
)

// maxWeight bounds term weights; a larger weight is almost certainly a typo.
const maxWeight = 100

// Parse parses a taxonomy file. name is used in error messages, which read
// "name:line: reason".
//
// The file is a mapping with one key, topics, holding a list of topics:
//
//	topics:
//	  - id: space
//	    label: Space
//	    terms:
//	      - space agency
//	      - {term: ISRO, weight: 3}
//	      - {terms: [lunar, orbit], weight: 2}
//	      - {term: launch, context: [rocket, satellite]}
//	    negative:
//	      - {term: cancer, weight: 2}
//
// A term is a string (weight 1) or a mapping with term (one term) or terms
// (several), and optional weight, context and not. A topic may set
// extend: true to add to a topic of the same ID when merged.
func Parse(name string, data []byte) (t *Taxonomy, err error) {
	defer func() {
		// The YAML library is third-party code fed user input; a panic in
		// it must not take the program down.
		if r := recover(); r != nil {
			t, err = nil, fmt.Errorf("%s: bad YAML: %v", name, r)
		}
	}()
	p := &yamlParser{name: name}
	// The file is untrusted text, cleaned as briefings are; strings that
	// YAML escapes make are cleaned again one by one (str).
	text, err := textclean.Decode(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := yamlguard.Check(text, yamlguard.Limits{MaxBytes: MaxFileSize, MaxDepth: yamlguard.DefaultMaxDepth}); err != nil {
		var ge *yamlguard.Error
		if errors.As(err, &ge) {
			return nil, &parseError{name: name, line: max(ge.Line, 1), reason: ge.Reason}
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	file, perr := parser.ParseBytes([]byte(text), 0)
	if perr != nil {
		return nil, p.yamlError(perr)
	}
	var body ast.Node
	for _, doc := range file.Docs {
		if doc == nil || doc.Body == nil {
			continue
		}
		if body != nil {
			return nil, p.errf(doc.Body, "more than one YAML document")
		}
		body = doc.Body
	}
	if body == nil {
		return nil, fmt.Errorf("%s:1: no topics", name)
	}
	topics, err := p.file(body)
	if err != nil {
		return nil, err
	}
	return newTaxonomy(topics), nil
}

type yamlParser struct {
	name string
}

// parseError is a taxonomy file error with its position.
type parseError struct {
	name   string
	line   int
	reason string
}

func (e *parseError) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.name, e.line, e.reason)
}

func (p *yamlParser) errf(n ast.Node, format string, args ...any) error {
	return &parseError{name: p.name, line: lineOf(n), reason: fmt.Sprintf(format, args...)}
}

func (p *yamlParser) yamlError(err error) error {
	var ye yaml.Error
	line := 1
	msg := err.Error()
	if errors.As(err, &ye) {
		if tk := ye.GetToken(); tk != nil && tk.Position != nil && tk.Position.Line > 0 {
			line = tk.Position.Line
		}
		msg = ye.GetMessage()
	}
	return &parseError{name: p.name, line: line, reason: "bad YAML: " + firstLine(msg)}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

func lineOf(n ast.Node) int {
	if n == nil {
		return 1
	}
	if tk := n.GetToken(); tk != nil && tk.Position != nil && tk.Position.Line > 0 {
		return tk.Position.Line
	}
	return 1
}

// unwrap strips anchors, tags and comments around a node and refuses
// aliases, which a taxonomy has no need for.
func (p *yamlParser) unwrap(n ast.Node) (ast.Node, error) {
	for depth := 0; depth < 16; depth++ {
		switch v := n.(type) {
		case *ast.AnchorNode:
			n = v.Value
		case *ast.TagNode:
			n = v.Value
		case *ast.CommentGroupNode:
			return nil, p.errf(n, "expected a value, found only a comment")
		case *ast.AliasNode:
			return nil, p.errf(n, "YAML aliases are not supported")
		default:
			return n, nil
		}
	}
	return nil, p.errf(n, "nesting too deep")
}

func (p *yamlParser) mapping(n ast.Node, what string) (*ast.MappingNode, error) {
	n, err := p.unwrap(n)
	if err != nil {
		return nil, err
	}
	switch v := n.(type) {
	case *ast.MappingNode:
		return v, nil
	case *ast.MappingValueNode:
		return &ast.MappingNode{BaseNode: v.BaseNode, Start: v.GetToken(), Values: []*ast.MappingValueNode{v}}, nil
	}
	return nil, p.errf(n, "%s must be a mapping", what)
}

func (p *yamlParser) sequence(n ast.Node, what string) ([]ast.Node, error) {
	n, err := p.unwrap(n)
	if err != nil {
		return nil, err
	}
	if s, ok := n.(*ast.SequenceNode); ok {
		return s.Values, nil
	}
	if _, ok := n.(*ast.NullNode); ok {
		return nil, nil
	}
	return nil, p.errf(n, "%s must be a list", what)
}

func (p *yamlParser) key(kv *ast.MappingValueNode) (string, error) {
	if kv.Key == nil {
		return "", p.errf(kv, "mapping entry without a key")
	}
	k, err := p.unwrap(kv.Key)
	if err != nil {
		return "", err
	}
	switch v := k.(type) {
	case *ast.StringNode:
		return v.Value, nil
	case *ast.MappingKeyNode:
		return "", p.errf(k, "complex mapping keys are not supported")
	}
	if s, ok := k.(ast.ScalarNode); ok {
		return fmt.Sprint(s.GetValue()), nil
	}
	return "", p.errf(k, "mapping key must be a string")
}

func (p *yamlParser) str(n ast.Node, what string) (string, error) {
	n, err := p.unwrap(n)
	if err != nil {
		return "", err
	}
	// YAML escapes ("\e", "\x9b", "\u202e") make any character: clean
	// every string as briefing text is cleaned.
	switch v := n.(type) {
	case *ast.StringNode:
		return textclean.Line(v.Value), nil
	case *ast.LiteralNode:
		return strings.TrimSpace(textclean.Line(v.Value.Value)), nil
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode:
		return textclean.Line(n.GetToken().Value), nil
	}
	return "", p.errf(n, "%s must be a string", what)
}

func (p *yamlParser) number(n ast.Node, what string) (float64, error) {
	n, err := p.unwrap(n)
	if err != nil {
		return 0, err
	}
	var f float64
	switch v := n.(type) {
	case *ast.IntegerNode:
		f, err = strconv.ParseFloat(strings.ReplaceAll(v.GetToken().Value, "_", ""), 64)
		if err != nil {
			return 0, p.errf(n, "bad %s %q: want a number", what, v.GetToken().Value)
		}
	case *ast.FloatNode:
		f = v.Value
	default:
		tok := ""
		if t := n.GetToken(); t != nil {
			tok = t.Value
		}
		return 0, p.errf(n, "bad %s %q: want a number", what, tok)
	}
	if math.IsNaN(f) || math.IsInf(f, 0) || f <= 0 || f > maxWeight {
		return 0, p.errf(n, "bad %s %v: want a number above 0 and at most %d", what, f, maxWeight)
	}
	return f, nil
}

func (p *yamlParser) boolean(n ast.Node, what string) (bool, error) {
	n, err := p.unwrap(n)
	if err != nil {
		return false, err
	}
	if b, ok := n.(*ast.BoolNode); ok {
		return b.Value, nil
	}
	return false, p.errf(n, "%s must be true or false", what)
}

func (p *yamlParser) file(body ast.Node) ([]Topic, error) {
	m, err := p.mapping(body, "a topics file")
	if err != nil {
		return nil, err
	}
	var list ast.Node
	for _, kv := range m.Values {
		k, err := p.key(kv)
		if err != nil {
			return nil, err
		}
		if k != "topics" {
			return nil, p.errf(kv, "unknown field %q (want topics)", k)
		}
		list = kv.Value
	}
	if list == nil {
		return nil, p.errf(body, "no topics")
	}
	items, err := p.sequence(list, "topics")
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, p.errf(list, "no topics")
	}
	seen := make(map[string]int)
	topics := make([]Topic, 0, len(items))
	for _, item := range items {
		tp, err := p.topic(item)
		if err != nil {
			return nil, err
		}
		if line, dup := seen[tp.ID]; dup {
			return nil, &parseError{name: p.name, line: tp.Line, reason: fmt.Sprintf("duplicate topic id %q (first at line %d)", tp.ID, line)}
		}
		seen[tp.ID] = tp.Line
		topics = append(topics, tp)
	}
	return topics, nil
}

func (p *yamlParser) topic(n ast.Node) (Topic, error) {
	m, err := p.mapping(n, "a topic")
	if err != nil {
		return Topic{}, err
	}
	tp := Topic{Line: lineOf(m)}
	var hasID, hasLabel bool
	for _, kv := range m.Values {
		k, err := p.key(kv)
		if err != nil {
			return Topic{}, err
		}
		switch k {
		case "id":
			if tp.ID, err = p.str(kv.Value, "id"); err != nil {
				return Topic{}, err
			}
			if !validID(tp.ID) {
				return Topic{}, p.errf(kv, "bad topic id %q: want lower-case letters, digits, - or _", tp.ID)
			}
			hasID = true
		case "label":
			if tp.Label, err = p.str(kv.Value, "label"); err != nil {
				return Topic{}, err
			}
			tp.Label = strings.TrimSpace(tp.Label)
			hasLabel = tp.Label != ""
		case "terms":
			if tp.Terms, err = p.terms(kv.Value, "terms"); err != nil {
				return Topic{}, err
			}
		case "negative":
			if tp.Negative, err = p.terms(kv.Value, "negative"); err != nil {
				return Topic{}, err
			}
		case "extend":
			if tp.Extend, err = p.boolean(kv.Value, "extend"); err != nil {
				return Topic{}, err
			}
		case "remove":
			if tp.Remove, err = p.boolean(kv.Value, "remove"); err != nil {
				return Topic{}, err
			}
		default:
			return Topic{}, p.errf(kv, "unknown field %q in topic (want id, label, terms, negative, extend, remove)", k)
		}
	}
	if !hasID {
		return Topic{}, p.errf(m, "topic without an id")
	}
	if tp.Remove {
		if len(tp.Terms) > 0 || len(tp.Negative) > 0 || tp.Extend || hasLabel {
			return Topic{}, p.errf(m, "topic %q is removed: it takes no label, terms, negative or extend", tp.ID)
		}
		return tp, nil
	}
	if len(tp.Terms) == 0 && !(tp.Extend && len(tp.Negative) > 0) {
		return Topic{}, p.errf(m, "topic %q has no terms", tp.ID)
	}
	if !hasLabel && !tp.Extend {
		tp.Label = defaultLabel(tp.ID)
	}
	return tp, nil
}

func validID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, c := range []byte(id) {
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

func (p *yamlParser) terms(n ast.Node, what string) ([]Term, error) {
	items, err := p.sequence(n, what)
	if err != nil {
		return nil, err
	}
	var out []Term
	for _, item := range items {
		item, err := p.unwrap(item)
		if err != nil {
			return nil, err
		}
		switch item.(type) {
		case *ast.MappingNode, *ast.MappingValueNode:
			ts, err := p.termMapping(item)
			if err != nil {
				return nil, err
			}
			out = append(out, ts...)
		default:
			s, err := p.str(item, "a term")
			if err != nil {
				return nil, err
			}
			t, err := p.checkTerm(item, s)
			if err != nil {
				return nil, err
			}
			out = append(out, Term{Text: t, Weight: 1})
		}
	}
	if len(out) == 0 {
		return nil, p.errf(n, "empty %s", what)
	}
	return out, nil
}

func (p *yamlParser) termMapping(n ast.Node) ([]Term, error) {
	m, err := p.mapping(n, "a term")
	if err != nil {
		return nil, err
	}
	var texts []string
	var hasText bool
	tmpl := Term{Weight: 1}
	for _, kv := range m.Values {
		k, err := p.key(kv)
		if err != nil {
			return nil, err
		}
		switch k {
		case "term":
			s, err := p.str(kv.Value, "term")
			if err != nil {
				return nil, err
			}
			t, err := p.checkTerm(kv, s)
			if err != nil {
				return nil, err
			}
			texts = append(texts, t)
			hasText = true
		case "terms":
			items, err := p.sequence(kv.Value, "terms")
			if err != nil {
				return nil, err
			}
			for _, it := range items {
				s, err := p.str(it, "a term")
				if err != nil {
					return nil, err
				}
				t, err := p.checkTerm(it, s)
				if err != nil {
					return nil, err
				}
				texts = append(texts, t)
			}
			hasText = true
		case "weight":
			if tmpl.Weight, err = p.number(kv.Value, "weight"); err != nil {
				return nil, err
			}
		case "context":
			if tmpl.Context, err = p.wordList(kv.Value, "context"); err != nil {
				return nil, err
			}
		case "not":
			if tmpl.Not, err = p.wordList(kv.Value, "not"); err != nil {
				return nil, err
			}
		default:
			return nil, p.errf(kv, "unknown field %q in term (want term, terms, weight, context, not)", k)
		}
	}
	if !hasText || len(texts) == 0 {
		return nil, p.errf(m, "term without text (want term or terms)")
	}
	out := make([]Term, len(texts))
	for i, t := range texts {
		out[i] = Term{Text: t, Weight: tmpl.Weight, Context: tmpl.Context, Not: tmpl.Not}
	}
	return out, nil
}

func (p *yamlParser) wordList(n ast.Node, what string) ([]string, error) {
	n, err := p.unwrap(n)
	if err != nil {
		return nil, err
	}
	if _, ok := n.(*ast.SequenceNode); !ok {
		s, err := p.str(n, what)
		if err != nil {
			return nil, err
		}
		t, err := p.checkTerm(n, s)
		if err != nil {
			return nil, err
		}
		return []string{t}, nil
	}
	items, err := p.sequence(n, what)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, p.errf(n, "empty %s", what)
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		s, err := p.str(it, what)
		if err != nil {
			return nil, err
		}
		t, err := p.checkTerm(it, s)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// maxTermWords bounds the words in a phrase.
const maxTermWords = 8

func (p *yamlParser) checkTerm(n ast.Node, s string) (string, error) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "", p.errf(n, "empty term")
	}
	words := termWords(s)
	if len(words) == 0 {
		return "", p.errf(n, "term %q has no words", s)
	}
	if len(words) > maxTermWords {
		return "", p.errf(n, "term %q has more than %d words", s, maxTermWords)
	}
	return s, nil
}

// termWord is one word of a term as the matcher sees it.
type termWord struct {
	// exact is the word as written when it must match case-sensitively.
	exact string
	// stem is the folded stem otherwise.
	stem string
	// hyphened requires the word to follow the previous one after a
	// hyphen, as written in the term.
	hyphened bool
}

// termWords splits a term into words the way the tokenizer splits text.
func termWords(s string) []termWord {
	var sp termSplitter
	return sp.words(s)
}

// termSplitter splits many terms, as compiling a taxonomy does, keeping
// its tokenizer's buffers from term to term and each distinct stem once.
type termSplitter struct {
	t     tokenizer
	stems map[string]string
}

func (sp *termSplitter) words(s string) []termWord {
	sp.t.reset(s)
	out := make([]termWord, 0, len(sp.t.toks))
	var tok token
	for sp.t.next(&tok) {
		w := termWord{hyphened: tok.hyphened}
		if raw := s[tok.start:tok.end]; shapeOf(raw)&shapeCaps != 0 {
			w.exact = raw
		} else {
			w.stem = sp.stem(sp.t.stemOf(&tok))
		}
		out = append(out, w)
	}
	return out
}

// stem returns b as a string, the same string for the same bytes.
func (sp *termSplitter) stem(b []byte) string {
	if st, ok := sp.stems[string(b)]; ok {
		return st
	}
	if sp.stems == nil {
		sp.stems = make(map[string]string)
	}
	st := string(b)
	sp.stems[st] = st
	return st
}
