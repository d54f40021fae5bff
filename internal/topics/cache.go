package topics

// wordCache remembers what the classifier made of each distinct word (or
// name) as written, so that a repeated one is analysed once. It is an
// open-addressing hash table keyed by hashSpan of the text. Keys are copied
// into one byte arena and slots refer to them by offset, so that a cache
// whose values hold no pointers holds none at all: the garbage collector
// does not scan it. Keys of eight bytes or more are compared in full,
// shorter ones by hash and length alone (see hashSpan).
type wordCache[V any] struct {
	slots []cacheSlot[V]
	keys  []byte
	// n counts the filled slots; used lists them, for a cheap reset.
	n    int
	used []int32
}

// cacheSlot is one entry of a wordCache: its key is keys[off:off+size].
// A size of 0 marks an empty slot.
type cacheSlot[V any] struct {
	hash      uint64
	off, size uint32
	val       V
}

// newWordCache returns a cache of size slots, a power of two.
func newWordCache[V any](size int) wordCache[V] {
	return wordCache[V]{slots: make([]cacheSlot[V], size)}
}

// reset empties the cache, keeping its size.
func (c *wordCache[V]) reset() {
	if 4*len(c.used) > len(c.slots) {
		clear(c.slots)
	} else {
		for _, i := range c.used {
			c.slots[i] = cacheSlot[V]{}
		}
	}
	c.used = c.used[:0]
	c.keys = c.keys[:0]
	c.n = 0
}

// probe returns the value stored in slots for a key of size bytes, under
// eight, whose hash is hash, when the key sits in its first slot: the
// common case, cheap enough to inline. Otherwise it reports false, and get
// has the answer. It takes the slots rather than the cache so that a loop
// can keep them in a register.
func probe[V any](slots []cacheSlot[V], hash uint64, size int) (V, bool) {
	if len(slots) == 0 {
		var zero V
		return zero, false
	}
	s := &slots[hash&uint64(len(slots)-1)]
	return s.val, s.hash == hash && int(s.size) == size && size < 8
}

// get returns the value stored for raw, whose hash is hash.
func (c *wordCache[V]) get(hash uint64, raw string) (V, bool) {
	if len(c.slots) == 0 {
		var zero V
		return zero, false
	}
	mask := uint64(len(c.slots) - 1)
	for i := hash & mask; ; i = (i + 1) & mask {
		s := &c.slots[i]
		if s.size == 0 {
			var zero V
			return zero, false
		}
		if s.hash == hash && int(s.size) == len(raw) && (len(raw) < 8 || sameKey(c.keys[s.off:s.off+s.size], raw)) {
			return s.val, true
		}
	}
}

// put stores val for raw, whose hash is hash, unless raw is there already.
// It copies raw. The table doubles when half full.
func (c *wordCache[V]) put(hash uint64, raw string, val V) {
	if raw == "" {
		return
	}
	if 2*(c.n+1) > len(c.slots) {
		c.rehash(max(2*len(c.slots), 16))
	}
	mask := uint64(len(c.slots) - 1)
	for i := hash & mask; ; i = (i + 1) & mask {
		s := &c.slots[i]
		if s.size == 0 {
			*s = cacheSlot[V]{hash: hash, off: uint32(len(c.keys)), size: uint32(len(raw)), val: val}
			c.keys = append(c.keys, raw...)
			c.n++
			c.used = append(c.used, int32(i))
			return
		}
		if s.hash == hash && int(s.size) == len(raw) && sameKey(c.keys[s.off:s.off+s.size], raw) {
			return
		}
	}
}

// rehash moves the entries to a table of size slots.
func (c *wordCache[V]) rehash(size int) {
	old := c.slots
	c.slots = make([]cacheSlot[V], size)
	c.used = c.used[:0]
	mask := uint64(size - 1)
	for _, s := range old {
		if s.size == 0 {
			continue
		}
		i := s.hash & mask
		for c.slots[i].size != 0 {
			i = (i + 1) & mask
		}
		c.slots[i] = s
		c.used = append(c.used, int32(i))
	}
}

// sameKey reports whether key holds the bytes of raw, of the same length.
// Keys of eight to sixteen bytes, most words that are not short, are
// compared as two overlapping eight-byte loads.
func sameKey(key []byte, raw string) bool {
	if n := len(raw); n >= 8 && n <= 16 {
		return load64b(key, 0) == load64(raw, 0) && load64b(key, n-8) == load64(raw, n-8)
	}
	// The conversion in a comparison does not copy.
	return string(key) == raw
}

// load64b is load64 for a byte slice.
func load64b(b []byte, i int) uint64 {
	b = b[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}
