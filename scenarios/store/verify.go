package store

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
)

// verifyBoltFile checks the structure of a bbolt file held in memory with
// ordinary bounds-checked reads, so that no garbage can crash it: a valid
// meta page, a file as long as the meta page says, and a tree of pages that
// stay inside the file, have the right types, hold their elements inside
// themselves and are reached once each (no cycles). bbolt itself trusts the
// file and may fault or panic on such damage.
//
// The on-disk layout is bbolt's (v1.3 to v1.5, file format 2), written in
// the machine's byte order.
func verifyBoltFile(data []byte) error {
	ps, err := boltPageSize(data)
	if err != nil {
		return err
	}
	var best *boltMeta
	for i := 0; i < 2; i++ {
		if m, ok := readMeta(data, i*ps); ok && (best == nil || m.txid > best.txid) {
			best = &m
		}
	}
	if best == nil {
		return fmt.Errorf("no valid meta page")
	}
	if best.pageSize != uint32(ps) {
		return fmt.Errorf("meta page size %d differs from %d", best.pageSize, ps)
	}
	v := &boltVerifier{data: data, ps: uint64(ps), hwm: best.pgid, seen: map[uint64]bool{0: true, 1: true}}
	if best.pgid < 2 || best.pgid > uint64(len(data))/uint64(ps) {
		return fmt.Errorf("truncated: the meta page counts %d pages of %d bytes, the file holds %d bytes", best.pgid, ps, len(data))
	}
	if best.freelist != ^uint64(0) {
		if err := v.freelist(best.freelist); err != nil {
			return err
		}
	}
	return v.tree(best.root, 0)
}

var nativeEndian = binary.NativeEndian

const (
	boltMagic        = 0xED0CDAED
	boltVersion      = 2
	boltHeader       = 16 // page header: id u64, flags u16, count u16, overflow u32
	boltElem         = 16 // branch: pos, ksize u32, pgid u64; leaf: flags, pos, ksize, vsize u32
	boltBranch       = 0x01
	boltLeaf         = 0x02
	boltFreelist     = 0x10
	boltBucketLeaf   = 0x01
	boltBucketHeader = 16 // root pgid u64, sequence u64
	maxTreeDepth     = 64
)

type boltMeta struct {
	pageSize uint32
	root     uint64
	freelist uint64
	pgid     uint64
	txid     uint64
}

func readMeta(data []byte, off int) (boltMeta, bool) {
	if off < 0 || off+boltHeader+64 > len(data) {
		return boltMeta{}, false
	}
	m := data[off+boltHeader : off+boltHeader+64]
	if nativeEndian.Uint32(m[0:]) != boltMagic || nativeEndian.Uint32(m[4:]) != boltVersion {
		return boltMeta{}, false
	}
	h := fnv.New64a()
	h.Write(m[:56])
	if h.Sum64() != nativeEndian.Uint64(m[56:]) {
		return boltMeta{}, false
	}
	return boltMeta{
		pageSize: nativeEndian.Uint32(m[8:]),
		root:     nativeEndian.Uint64(m[16:]),
		freelist: nativeEndian.Uint64(m[32:]),
		pgid:     nativeEndian.Uint64(m[40:]),
		txid:     nativeEndian.Uint64(m[48:]),
	}, true
}

// boltPageSize finds the page size as bbolt does: from the first meta page,
// else from a second meta page at one of the sizes bbolt supports.
func boltPageSize(data []byte) (int, error) {
	if m, ok := readMeta(data, 0); ok && validPageSize(m.pageSize) {
		return int(m.pageSize), nil
	}
	for i := 0; i <= 14; i++ {
		ps := 1024 << i
		if m, ok := readMeta(data, ps); ok && m.pageSize == uint32(ps) {
			return ps, nil
		}
	}
	return 0, fmt.Errorf("not a bbolt database (no valid meta page)")
}

func validPageSize(ps uint32) bool {
	return ps >= 512 && ps <= 1<<24 && ps&(ps-1) == 0
}

type boltVerifier struct {
	data []byte
	ps   uint64
	hwm  uint64
	seen map[uint64]bool
}

// page returns the bytes of page id with its overflow pages, marking them
// seen.
func (v *boltVerifier) page(id uint64) ([]byte, error) {
	if id < 2 || id >= v.hwm {
		return nil, fmt.Errorf("page %d is outside the file's %d pages", id, v.hwm)
	}
	off := id * v.ps
	hdr := v.data[off : off+boltHeader]
	if got := nativeEndian.Uint64(hdr); got != id {
		return nil, fmt.Errorf("page %d says it is page %d", id, got)
	}
	overflow := uint64(nativeEndian.Uint32(hdr[12:]))
	if overflow >= v.hwm-id {
		return nil, fmt.Errorf("page %d runs past the end of the file", id)
	}
	for i := id; i <= id+overflow; i++ {
		if v.seen[i] {
			return nil, fmt.Errorf("page %d is used twice", i)
		}
		v.seen[i] = true
	}
	return v.data[off : (id+overflow+1)*v.ps], nil
}

func (v *boltVerifier) freelist(id uint64) error {
	p, err := v.page(id)
	if err != nil {
		return fmt.Errorf("freelist: %w", err)
	}
	if flags := nativeEndian.Uint16(p[8:]); flags != boltFreelist {
		return fmt.Errorf("freelist page %d has type %#x", id, flags)
	}
	start, count := uint64(boltHeader), uint64(nativeEndian.Uint16(p[10:]))
	if count == 0xFFFF {
		if len(p) < boltHeader+8 {
			return fmt.Errorf("freelist page %d is cut short", id)
		}
		count = nativeEndian.Uint64(p[boltHeader:])
		start += 8
	}
	if count > (uint64(len(p))-start)/8 {
		return fmt.Errorf("freelist page %d lists more pages than it holds", id)
	}
	for i := uint64(0); i < count; i++ {
		if f := nativeEndian.Uint64(p[start+8*i:]); f < 2 || f >= v.hwm {
			return fmt.Errorf("freelist page %d lists page %d, outside the file", id, f)
		}
	}
	return nil
}

func (v *boltVerifier) tree(id uint64, depth int) error {
	if depth > maxTreeDepth {
		return fmt.Errorf("page %d: the tree is deeper than %d", id, maxTreeDepth)
	}
	p, err := v.page(id)
	if err != nil {
		return err
	}
	switch flags := nativeEndian.Uint16(p[8:]); flags {
	case boltBranch:
		count := int(nativeEndian.Uint16(p[10:]))
		if count == 0 || boltHeader+count*boltElem > len(p) {
			return fmt.Errorf("branch page %d: %d elements do not fit", id, count)
		}
		for i := 0; i < count; i++ {
			e := boltHeader + i*boltElem
			pos, ksize := int(nativeEndian.Uint32(p[e:])), int(nativeEndian.Uint32(p[e+4:]))
			if pos < 0 || ksize < 0 || e+pos+ksize > len(p) || e+pos+ksize < e {
				return fmt.Errorf("branch page %d: element %d points outside the page", id, i)
			}
			if err := v.tree(nativeEndian.Uint64(p[e+8:]), depth+1); err != nil {
				return err
			}
		}
		return nil
	case boltLeaf:
		return v.leaf(p, fmt.Sprintf("leaf page %d", id), depth)
	default:
		return fmt.Errorf("page %d has type %#x, not a branch or leaf page", id, flags)
	}
}

// leaf checks a leaf page (or an inline bucket's page) and the buckets it
// holds.
func (v *boltVerifier) leaf(p []byte, what string, depth int) error {
	if len(p) < boltHeader {
		return fmt.Errorf("%s is cut short", what)
	}
	if flags := nativeEndian.Uint16(p[8:]); flags != boltLeaf {
		return fmt.Errorf("%s has type %#x", what, flags)
	}
	count := int(nativeEndian.Uint16(p[10:]))
	if boltHeader+count*boltElem > len(p) {
		return fmt.Errorf("%s: %d elements do not fit", what, count)
	}
	for i := 0; i < count; i++ {
		e := boltHeader + i*boltElem
		flags := nativeEndian.Uint32(p[e:])
		pos, ksize, vsize := uint64(nativeEndian.Uint32(p[e+4:])), uint64(nativeEndian.Uint32(p[e+8:])), uint64(nativeEndian.Uint32(p[e+12:]))
		end := uint64(e) + pos + ksize + vsize
		if end > uint64(len(p)) {
			return fmt.Errorf("%s: element %d points outside the page", what, i)
		}
		if flags&boltBucketLeaf == 0 {
			continue
		}
		val := p[uint64(e)+pos+ksize : end]
		if len(val) < boltBucketHeader {
			return fmt.Errorf("%s: bucket %d is cut short", what, i)
		}
		if root := nativeEndian.Uint64(val); root != 0 {
			if err := v.tree(root, depth+1); err != nil {
				return err
			}
		} else if len(val) > boltBucketHeader {
			if depth > maxTreeDepth {
				return fmt.Errorf("%s: buckets nest deeper than %d", what, maxTreeDepth)
			}
			if err := v.leaf(val[boltBucketHeader:], what+" inline bucket", depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}
