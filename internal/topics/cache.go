package topics

// wordCache remembers what the classifier made of each distinct word (or
// name) as written, so that a repeated one is analysed once. It is an
// open-addressing hash table keyed by hashSpan of the text: callers pass
// that hash with each key. A key of up to sixteen bytes is told by its
// hash, its length and its first eight bytes, kept in its slot (see
// hashSpan), so finding it reads the slot alone; longer keys are copied
// into one byte arena and compared in full. Slots refer to the arena by
// offset, so that a cache whose values hold no pointers holds none at all:
// the garbage collector does not scan it.
type wordCache[V any] struct {
	slots []cacheSlot[V]
	keys  []byte
	// n counts the filled slots; used lists them, for a cheap reset.
	n    int
	used []int32
}

// cacheSlot is one entry of a wordCache, for a key of size bytes: key is
// keyHead of it for up to sixteen bytes, and its offset in the arena for
// more. A size of 0 marks an empty slot.
type cacheSlot[V any] struct {
	hash uint64
	key  uint64
	size uint32
	val  V
}

// maxHeadKey is the longest key a slot tells by its hash, length and head.
const maxHeadKey = 16

// keyHead returns the first eight bytes of a key of eight bytes or more,
// as load64 reads them, and 0 for a shorter key.
func keyHead(raw string) uint64 {
	if len(raw) < 8 {
		return 0
	}
	return load64(raw, 0)
}

// holds reports whether slot s holds raw, whose hash is hash.
func (c *wordCache[V]) holds(s *cacheSlot[V], hash uint64, raw string) bool {
	if s.hash != hash || int(s.size) != len(raw) {
		return false
	}
	if len(raw) <= maxHeadKey {
		return s.key == keyHead(raw)
	}
	// The conversion in a comparison does not copy.
	return string(c.keys[s.key:s.key+uint64(s.size)]) == raw
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

// probe returns the value stored in slots for a key of size bytes, at
// most sixteen, whose hash is hash and keyHead head, when the key sits in
// its first slot: the common case, cheap enough to inline. Otherwise it
// reports false, and get has the answer. It takes the slots rather than
// the cache so that a loop can keep them in a register.
func probe[V any](slots []cacheSlot[V], hash uint64, size int, head uint64) (V, bool) {
	if len(slots) == 0 {
		var zero V
		return zero, false
	}
	s := &slots[hash&uint64(len(slots)-1)]
	return s.val, s.hash == hash && int(s.size) == size && s.key == head && size <= maxHeadKey
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
		if c.holds(s, hash, raw) {
			return s.val, true
		}
	}
}

// put stores val for raw, whose hash is hash, unless raw is there already.
// It copies a raw of over sixteen bytes. The table doubles when half full.
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
			*s = cacheSlot[V]{hash: hash, key: keyHead(raw), size: uint32(len(raw)), val: val}
			if len(raw) > maxHeadKey {
				s.key = uint64(len(c.keys))
				c.keys = append(c.keys, raw...)
			}
			c.n++
			c.used = append(c.used, int32(i))
			return
		}
		if c.holds(s, hash, raw) {
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
