;; The ES core's WebAssembly kernels on the tfjs wasm backend's own memory (es-kernels.ts;
;; docs/PERFORMANCE.md "Hand-written wasm kernels"). Every step is one IEEE float32 operation, as in the
;; backend's own kernels and in the JS loops they replace, so the results are the same bits.
;;
;; pairSums: the weighted row sums of the ES tell. One call adds two population rows to the sums:
;;   u_r  = (x_r − m) / s                              (float32, rounded after each operation)
;;   lin += a0·v0 + a1·v1   with v_r = x_r (raw) or u_r, added left to right
;;   sq  += b0·(u0·u0) + b1·(u1·u1)
;; Four coordinates at a time with 128-bit SIMD, then a scalar tail.
;; around: one antithetic pair of population rows from a noise window z (ask, evaluation workers):
;;   t = s·z,  plus = m + t,  and when mirrored: minus = m − t
;; All pointers are byte offsets into the imported memory (the tfjs wasm backend's heap).
(module
  (import "env" "memory" (memory 1))
  (func (export "around")
    (param $z i32) (param $m i32) (param $s i32) (param $plus i32) (param $minus i32) (param $d i32)
    (param $mirrored i32)
    (local $j i32) (local $end4 i32) (local $o i32) (local $vm v128) (local $vt v128) (local $fm f32) (local $ft f32)
    (local.set $end4 (i32.and (local.get $d) (i32.const -4)))
    (block $done4
      (loop $vec
        (br_if $done4 (i32.ge_u (local.get $j) (local.get $end4)))
        (local.set $o (i32.shl (local.get $j) (i32.const 2)))
        (local.set $vm (v128.load (i32.add (local.get $m) (local.get $o))))
        (local.set $vt (f32x4.mul (v128.load (i32.add (local.get $s) (local.get $o)))
                                  (v128.load (i32.add (local.get $z) (local.get $o)))))
        (v128.store (i32.add (local.get $plus) (local.get $o)) (f32x4.add (local.get $vm) (local.get $vt)))
        (if (local.get $mirrored)
          (then (v128.store (i32.add (local.get $minus) (local.get $o)) (f32x4.sub (local.get $vm) (local.get $vt)))))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $vec)))
    (block $done
      (loop $tail
        (br_if $done (i32.ge_u (local.get $j) (local.get $d)))
        (local.set $o (i32.shl (local.get $j) (i32.const 2)))
        (local.set $fm (f32.load (i32.add (local.get $m) (local.get $o))))
        (local.set $ft (f32.mul (f32.load (i32.add (local.get $s) (local.get $o)))
                                (f32.load (i32.add (local.get $z) (local.get $o)))))
        (f32.store (i32.add (local.get $plus) (local.get $o)) (f32.add (local.get $fm) (local.get $ft)))
        (if (local.get $mirrored)
          (then (f32.store (i32.add (local.get $minus) (local.get $o)) (f32.sub (local.get $fm) (local.get $ft)))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $tail))))
  (func (export "pairSums")
    (param $x0 i32) (param $x1 i32) (param $m i32) (param $s i32)
    (param $lin i32) (param $sq i32) (param $d i32)
    (param $a0 f32) (param $a1 f32) (param $b0 f32) (param $b1 f32) (param $raw i32)
    (local $j i32) (local $end4 i32) (local $o i32)
    (local $vx0 v128) (local $vx1 v128) (local $vm v128) (local $vs v128)
    (local $vu0 v128) (local $vu1 v128) (local $rawMask v128)
    (local $va0 v128) (local $va1 v128) (local $vb0 v128) (local $vb1 v128)
    (local $fx0 f32) (local $fx1 f32) (local $fu0 f32) (local $fu1 f32)
    (local.set $va0 (f32x4.splat (local.get $a0)))
    (local.set $va1 (f32x4.splat (local.get $a1)))
    (local.set $vb0 (f32x4.splat (local.get $b0)))
    (local.set $vb1 (f32x4.splat (local.get $b1)))
    ;; all ones where the lin sum reads the raw rows
    (local.set $rawMask (i32x4.splat (i32.sub (i32.const 0) (i32.ne (local.get $raw) (i32.const 0)))))
    (local.set $end4 (i32.and (local.get $d) (i32.const -4)))
    (local.set $j (i32.const 0))
    (block $done4
      (loop $vec
        (br_if $done4 (i32.ge_u (local.get $j) (local.get $end4)))
        (local.set $o (i32.shl (local.get $j) (i32.const 2)))
        (local.set $vx0 (v128.load (i32.add (local.get $x0) (local.get $o))))
        (local.set $vx1 (v128.load (i32.add (local.get $x1) (local.get $o))))
        (local.set $vm (v128.load (i32.add (local.get $m) (local.get $o))))
        (local.set $vs (v128.load (i32.add (local.get $s) (local.get $o))))
        (local.set $vu0 (f32x4.div (f32x4.sub (local.get $vx0) (local.get $vm)) (local.get $vs)))
        (local.set $vu1 (f32x4.div (f32x4.sub (local.get $vx1) (local.get $vm)) (local.get $vs)))
        (v128.store (i32.add (local.get $lin) (local.get $o))
          (f32x4.add
            (f32x4.add
              (v128.load (i32.add (local.get $lin) (local.get $o)))
              (f32x4.mul (local.get $va0) (v128.bitselect (local.get $vx0) (local.get $vu0) (local.get $rawMask))))
            (f32x4.mul (local.get $va1) (v128.bitselect (local.get $vx1) (local.get $vu1) (local.get $rawMask)))))
        (v128.store (i32.add (local.get $sq) (local.get $o))
          (f32x4.add
            (f32x4.add
              (v128.load (i32.add (local.get $sq) (local.get $o)))
              (f32x4.mul (local.get $vb0) (f32x4.mul (local.get $vu0) (local.get $vu0))))
            (f32x4.mul (local.get $vb1) (f32x4.mul (local.get $vu1) (local.get $vu1)))))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $vec)))
    (block $done
      (loop $tail
        (br_if $done (i32.ge_u (local.get $j) (local.get $d)))
        (local.set $o (i32.shl (local.get $j) (i32.const 2)))
        (local.set $fx0 (f32.load (i32.add (local.get $x0) (local.get $o))))
        (local.set $fx1 (f32.load (i32.add (local.get $x1) (local.get $o))))
        (local.set $fu0 (f32.div (f32.sub (local.get $fx0) (f32.load (i32.add (local.get $m) (local.get $o))))
                                 (f32.load (i32.add (local.get $s) (local.get $o)))))
        (local.set $fu1 (f32.div (f32.sub (local.get $fx1) (f32.load (i32.add (local.get $m) (local.get $o))))
                                 (f32.load (i32.add (local.get $s) (local.get $o)))))
        (f32.store (i32.add (local.get $lin) (local.get $o))
          (f32.add
            (f32.add
              (f32.load (i32.add (local.get $lin) (local.get $o)))
              (f32.mul (local.get $a0) (select (local.get $fx0) (local.get $fu0) (local.get $raw))))
            (f32.mul (local.get $a1) (select (local.get $fx1) (local.get $fu1) (local.get $raw)))))
        (f32.store (i32.add (local.get $sq) (local.get $o))
          (f32.add
            (f32.add
              (f32.load (i32.add (local.get $sq) (local.get $o)))
              (f32.mul (local.get $b0) (f32.mul (local.get $fu0) (local.get $fu0))))
            (f32.mul (local.get $b1) (f32.mul (local.get $fu1) (local.get $fu1)))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $tail)))))
