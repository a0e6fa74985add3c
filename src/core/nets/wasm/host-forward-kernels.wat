;; Kernels of the host population forward (host-forward-kernels.ts; docs/PERFORMANCE.md "Hand-written wasm
;; kernels"), on this module's own memory: activations are float64, column-major h [n, B] (one member at a
;; time, contiguous over the batch), as in the JS loops of host-dense.ts, and every value is computed by
;; the same float64 operations in the same order, so the outputs are the same bits.
;;
;; dense: one dense layer of one member, out [nOut, B] from h [nIn, B], weights W [nIn, nOut] and bias
;; [nOut] as float32 (row-major, as in the params vector):
;;   out[m, b] = bias[m];  then for each group of four inputs g (in order) whose four weights are not all
;;   zero: out[m, b] += ((W[g,m]·h[g,b] + W[g+1,m]·h[g+1,b]) + W[g+2,m]·h[g+2,b]) + W[g+3,m]·h[g+3,b];
;;   then for each remaining input n with W[n,m] ≠ 0: out[m, b] += W[n,m]·h[n,b].
;; Two batch entries at a time (f64x2), then a scalar tail. No activation (the caller applies it).
;;
;; pairAct: first-layer pre-activations of an antithetic pair (host-loops.ts pairPass) from the float32
;; product rows of the centre yc [nOut, B] and of the pair's half-difference ye [nOut, B], float32 biases:
;;   v+ = (yc + ye) + bias+[n],  v− = (yc − ye) + bias−[n]   (float64)
;; written to h+ / h− [nOut, B], through ReLU as 0.5·(v + |v|) when relu ≠ 0. Returns Σ (v+ − v−), which
;; is finite iff every value is (the caller redoes the pass exactly otherwise; any summation order keeps
;; that property, so the lanes are summed separately).
;;
;; memberAct: first-layer pre-activations of one member (host-loops.ts memberActivations) from its float32
;; product rows y [nOut, B] and float32 bias: h = y + bias[n] (float64), through ReLU as 0.5·(v + |v|)
;; when relu ≠ 0. Returns Σ v (finite iff every value is; the caller redoes the pass exactly otherwise).
;;
;; pairRows: the first layer's matMul rows of an antithetic population (host-mlp.ts pairRows) from the
;; float32 params rows [members, dim]: with a = member plus[k]'s and b = member minus[k]'s first-layer
;; kernel [nIn, nOut] (plus = 2k, minus = 2k + 1 interleaved; k, k + half blocked), in float64:
;;   pair 0: centre = 0.5·(a + b), scale0 = |a| + |b|;  pair k > 0: refused (returns 0) when
;;   |0.5·(a + b) − centre| > tol·((|a| + |b|) + scale0) anywhere (not an exact ES pair population);
;;   rows (float32, [R, nIn], transposed): block 1 + k − skip = 0.5·(a − b) for k ≥ skip, block 0 = centre.
;; Two outputs n at a time (f64x2), then a scalar tail. Returns 1 when every pair passed.
;;
;; expSums: z[r] = Σ_c e^(l[r, c]) over float32 logits [rows, C], summed left to right (c = 0 … C − 1), with
;; e^x computed exactly as nets/host-exp.ts `expHost` does it: the same float64 operations on the same
;; tables and constants, which JS writes at the start of this memory (TABLES below); outside |x| < 700 it
;; calls the imported Math.exp, as expHost does. Two rows at a time (f64x2).
(module
  (import "js" "exp" (func $mathExp (param f64) (result f64)))
  (memory (export "memory") 1)
  ;; TABLES: EXP_TABLE [64] f64 at 0, POW2 [2048] f64 at 512, then the constants at 16896:
  ;; INV_LN2_64, LN2_64_HI, LN2_64_LO, ROUND_MAGIC, 1/6, 1/24, 1/120.
  (func $expScalar (param $x f64) (result f64)
    (local $kf f64) (local $r f64) (local $k i32)
    (if (i32.eqz (i32.and (f64.gt (local.get $x) (f64.const -700)) (f64.lt (local.get $x) (f64.const 700))))
      (then (return (call $mathExp (local.get $x)))))
    (local.set $kf (f64.sub (f64.add (f64.mul (local.get $x) (f64.load (i32.const 16896))) (f64.load (i32.const 16920)))
                            (f64.load (i32.const 16920))))
    (local.set $r (f64.sub (f64.sub (local.get $x) (f64.mul (local.get $kf) (f64.load (i32.const 16904))))
                           (f64.mul (local.get $kf) (f64.load (i32.const 16912)))))
    (local.set $k (i32.trunc_f64_s (local.get $kf)))
    (f64.mul
      (f64.mul
        (f64.load (i32.shl (i32.and (local.get $k) (i32.const 63)) (i32.const 3)))
        (f64.load (i32.add (i32.const 512) (i32.shl (i32.add (i32.shr_s (local.get $k) (i32.const 6)) (i32.const 1024)) (i32.const 3)))))
      (f64.add (f64.const 1)
        (f64.mul (local.get $r)
          (f64.add (f64.const 1)
            (f64.mul (local.get $r)
              (f64.add (f64.const 0.5)
                (f64.mul (local.get $r)
                  (f64.add (f64.load (i32.const 16928))
                    (f64.mul (local.get $r)
                      (f64.add (f64.load (i32.const 16936))
                        (f64.mul (local.get $r) (f64.load (i32.const 16944))))))))))))))
  (func (export "memberAct")
    (param $y i32) (param $bias i32) (param $nOut i32) (param $B i32) (param $h i32) (param $relu i32) (result f64)
    (local $n i32) (local $b i32) (local $end2 i32) (local $io i32)
    (local $vb v128) (local $v v128) (local $vsum v128) (local $half v128)
    (local $fb f64) (local $f f64) (local $sum f64)
    (local.set $end2 (i32.and (local.get $B) (i32.const -2)))
    (local.set $half (f64x2.splat (f64.const 0.5)))
    (block $nDone
      (loop $nLoop
        (br_if $nDone (i32.ge_u (local.get $n) (local.get $nOut)))
        (local.set $fb (f64.promote_f32 (f32.load (i32.add (local.get $bias) (i32.shl (local.get $n) (i32.const 2))))))
        (local.set $vb (f64x2.splat (local.get $fb)))
        (local.set $b (i32.const 0))
        (block $bDone
          (loop $bLoop
            (br_if $bDone (i32.ge_u (local.get $b) (local.get $end2)))
            (local.set $io (i32.shl (i32.add (i32.mul (local.get $n) (local.get $B)) (local.get $b)) (i32.const 2)))
            (local.set $v (f64x2.add (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $y) (local.get $io))))
                                     (local.get $vb)))
            (local.set $vsum (f64x2.add (local.get $vsum) (local.get $v)))
            (if (local.get $relu)
              (then (local.set $v (f64x2.mul (local.get $half) (f64x2.add (local.get $v) (f64x2.abs (local.get $v)))))))
            (v128.store (i32.add (local.get $h) (i32.shl (local.get $io) (i32.const 1))) (local.get $v))
            (local.set $b (i32.add (local.get $b) (i32.const 2)))
            (br $bLoop)))
        (if (i32.lt_u (local.get $b) (local.get $B))
          (then
            (local.set $io (i32.shl (i32.add (i32.mul (local.get $n) (local.get $B)) (local.get $b)) (i32.const 2)))
            (local.set $f (f64.add (f64.promote_f32 (f32.load (i32.add (local.get $y) (local.get $io)))) (local.get $fb)))
            (local.set $sum (f64.add (local.get $sum) (local.get $f)))
            (if (local.get $relu)
              (then (local.set $f (f64.mul (f64.const 0.5) (f64.add (local.get $f) (f64.abs (local.get $f)))))))
            (f64.store (i32.add (local.get $h) (i32.shl (local.get $io) (i32.const 1))) (local.get $f))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $nLoop)))
    (f64.add (local.get $sum)
      (f64.add (f64x2.extract_lane 0 (local.get $vsum)) (f64x2.extract_lane 1 (local.get $vsum)))))
  (func (export "pairRows")
    (param $p i32) (param $rowBytes i32) (param $kOff i32) (param $half i32) (param $skip i32)
    (param $nIn i32) (param $nOut i32) (param $blocked i32) (param $rows i32) (param $centre i32)
    (param $scale0 i32) (param $tol f64) (result i32)
    (local $k i32) (local $i i32) (local $n i32) (local $j i32) (local $end2 i32) (local $a i32) (local $b i32)
    (local $blk i32) (local $inBytes i32)
    (local $va v128) (local $vb v128) (local $mid v128) (local $half2 v128) (local $vtol v128) (local $d v128)
    (local $fa f64) (local $fb f64) (local $fm f64)
    (local.set $end2 (i32.and (local.get $nOut) (i32.const -2)))
    (local.set $half2 (f64x2.splat (f64.const 0.5)))
    (local.set $vtol (f64x2.splat (local.get $tol)))
    (local.set $inBytes (i32.shl (local.get $nIn) (i32.const 2)))
    (block $kDone
      (loop $kLoop
        (br_if $kDone (i32.ge_u (local.get $k) (local.get $half)))
        ;; this pair's first-layer kernels
        (local.set $a (i32.add (i32.add (local.get $p) (local.get $kOff))
          (i32.mul (local.get $rowBytes) (select (local.get $k) (i32.shl (local.get $k) (i32.const 1)) (local.get $blocked)))))
        (local.set $b (i32.add (i32.add (local.get $p) (local.get $kOff))
          (i32.mul (local.get $rowBytes)
            (select (i32.add (local.get $k) (local.get $half)) (i32.add (i32.shl (local.get $k) (i32.const 1)) (i32.const 1)) (local.get $blocked)))))
        ;; its rows block (only used when k ≥ skip): byte offset of row (1 + k − skip)·nOut
        (local.set $blk (i32.add (local.get $rows)
          (i32.mul (i32.mul (i32.sub (i32.add (local.get $k) (i32.const 1)) (local.get $skip)) (local.get $nOut)) (local.get $inBytes))))
        (local.set $i (i32.const 0))
        (block $iDone
          (loop $iLoop
            (br_if $iDone (i32.ge_u (local.get $i) (local.get $nIn)))
            (local.set $n (i32.const 0))
            (block $nDone
              (loop $nLoop
                (br_if $nDone (i32.ge_u (local.get $n) (local.get $end2)))
                (local.set $j (i32.add (i32.mul (local.get $i) (local.get $nOut)) (local.get $n)))
                (local.set $va (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $a) (i32.shl (local.get $j) (i32.const 2))))))
                (local.set $vb (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))))
                (local.set $mid (f64x2.mul (local.get $half2) (f64x2.add (local.get $va) (local.get $vb))))
                (if (i32.eqz (local.get $k))
                  (then
                    (v128.store (i32.add (local.get $centre) (i32.shl (local.get $j) (i32.const 3))) (local.get $mid))
                    (v128.store (i32.add (local.get $scale0) (i32.shl (local.get $j) (i32.const 3)))
                      (f64x2.add (f64x2.abs (local.get $va)) (f64x2.abs (local.get $vb)))))
                  (else
                    (if (v128.any_true
                          (f64x2.gt
                            (f64x2.abs (f64x2.sub (local.get $mid) (v128.load (i32.add (local.get $centre) (i32.shl (local.get $j) (i32.const 3))))))
                            (f64x2.mul (local.get $vtol)
                              (f64x2.add (f64x2.add (f64x2.abs (local.get $va)) (f64x2.abs (local.get $vb)))
                                         (v128.load (i32.add (local.get $scale0) (i32.shl (local.get $j) (i32.const 3))))))))
                      (then (return (i32.const 0))))))
                (if (i32.ge_u (local.get $k) (local.get $skip))
                  (then
                    (local.set $d (f32x4.demote_f64x2_zero (f64x2.mul (local.get $half2) (f64x2.sub (local.get $va) (local.get $vb)))))
                    (f32.store (i32.add (local.get $blk) (i32.add (i32.mul (local.get $n) (local.get $inBytes)) (i32.shl (local.get $i) (i32.const 2))))
                      (f32x4.extract_lane 0 (local.get $d)))
                    (f32.store (i32.add (local.get $blk) (i32.add (i32.mul (i32.add (local.get $n) (i32.const 1)) (local.get $inBytes)) (i32.shl (local.get $i) (i32.const 2))))
                      (f32x4.extract_lane 1 (local.get $d)))))
                (local.set $n (i32.add (local.get $n) (i32.const 2)))
                (br $nLoop)))
            (if (i32.lt_u (local.get $n) (local.get $nOut))
              (then
                (local.set $j (i32.add (i32.mul (local.get $i) (local.get $nOut)) (local.get $n)))
                (local.set $fa (f64.promote_f32 (f32.load (i32.add (local.get $a) (i32.shl (local.get $j) (i32.const 2))))))
                (local.set $fb (f64.promote_f32 (f32.load (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))))
                (local.set $fm (f64.mul (f64.const 0.5) (f64.add (local.get $fa) (local.get $fb))))
                (if (i32.eqz (local.get $k))
                  (then
                    (f64.store (i32.add (local.get $centre) (i32.shl (local.get $j) (i32.const 3))) (local.get $fm))
                    (f64.store (i32.add (local.get $scale0) (i32.shl (local.get $j) (i32.const 3)))
                      (f64.add (f64.abs (local.get $fa)) (f64.abs (local.get $fb)))))
                  (else
                    (if (f64.gt
                          (f64.abs (f64.sub (local.get $fm) (f64.load (i32.add (local.get $centre) (i32.shl (local.get $j) (i32.const 3))))))
                          (f64.mul (local.get $tol)
                            (f64.add (f64.add (f64.abs (local.get $fa)) (f64.abs (local.get $fb)))
                                     (f64.load (i32.add (local.get $scale0) (i32.shl (local.get $j) (i32.const 3)))))))
                      (then (return (i32.const 0))))))
                (if (i32.ge_u (local.get $k) (local.get $skip))
                  (then
                    (f32.store (i32.add (local.get $blk) (i32.add (i32.mul (local.get $n) (local.get $inBytes)) (i32.shl (local.get $i) (i32.const 2))))
                      (f32.demote_f64 (f64.mul (f64.const 0.5) (f64.sub (local.get $fa) (local.get $fb)))))))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $iLoop)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $kLoop)))
    ;; block 0: the centre, transposed
    (local.set $i (i32.const 0))
    (block $cDone
      (loop $cI
        (br_if $cDone (i32.ge_u (local.get $i) (local.get $nIn)))
        (local.set $n (i32.const 0))
        (block $cnDone
          (loop $cN
            (br_if $cnDone (i32.ge_u (local.get $n) (local.get $nOut)))
            (f32.store (i32.add (local.get $rows) (i32.add (i32.mul (local.get $n) (local.get $inBytes)) (i32.shl (local.get $i) (i32.const 2))))
              (f32.demote_f64 (f64.load (i32.add (local.get $centre)
                (i32.shl (i32.add (i32.mul (local.get $i) (local.get $nOut)) (local.get $n)) (i32.const 3))))))
            (local.set $n (i32.add (local.get $n) (i32.const 1)))
            (br $cN)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $cI)))
    (i32.const 1))
  (func (export "expSums") (param $l i32) (param $z i32) (param $rows i32) (param $C i32)
    (local $r i32) (local $c i32) (local $a0 i32) (local $a1 i32) (local $k0 i32) (local $k1 i32)
    (local $x v128) (local $kf v128) (local $rr v128) (local $t v128) (local $p v128) (local $zz v128) (local $ki v128)
    (local $inv v128) (local $magic v128) (local $hi v128) (local $lo v128) (local $c6 v128) (local $c24 v128) (local $c120 v128)
    (local $one v128) (local $half v128) (local $x0 f64) (local $x1 f64) (local $s f64)
    (local.set $inv (f64x2.splat (f64.load (i32.const 16896))))
    (local.set $hi (f64x2.splat (f64.load (i32.const 16904))))
    (local.set $lo (f64x2.splat (f64.load (i32.const 16912))))
    (local.set $magic (f64x2.splat (f64.load (i32.const 16920))))
    (local.set $c6 (f64x2.splat (f64.load (i32.const 16928))))
    (local.set $c24 (f64x2.splat (f64.load (i32.const 16936))))
    (local.set $c120 (f64x2.splat (f64.load (i32.const 16944))))
    (local.set $one (f64x2.splat (f64.const 1)))
    (local.set $half (f64x2.splat (f64.const 0.5)))
    (block $pairsDone
      (loop $pairs
        (br_if $pairsDone (i32.gt_u (i32.add (local.get $r) (i32.const 2)) (local.get $rows)))
        (local.set $zz (f64x2.splat (f64.const 0)))
        (local.set $c (i32.const 0))
        (block $cDone
          (loop $cl
            (br_if $cDone (i32.ge_u (local.get $c) (local.get $C)))
            (local.set $a0 (i32.add (local.get $l) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $C)) (local.get $c)) (i32.const 2))))
            (local.set $a1 (i32.add (local.get $a0) (i32.shl (local.get $C) (i32.const 2))))
            (local.set $x0 (f64.promote_f32 (f32.load (local.get $a0))))
            (local.set $x1 (f64.promote_f32 (f32.load (local.get $a1))))
            (if (i32.and
                  (i32.and (f64.gt (local.get $x0) (f64.const -700)) (f64.lt (local.get $x0) (f64.const 700)))
                  (i32.and (f64.gt (local.get $x1) (f64.const -700)) (f64.lt (local.get $x1) (f64.const 700))))
              (then
                (local.set $x (f64x2.replace_lane 1 (f64x2.splat (local.get $x0)) (local.get $x1)))
                (local.set $kf (f64x2.sub (f64x2.add (f64x2.mul (local.get $x) (local.get $inv)) (local.get $magic)) (local.get $magic)))
                (local.set $rr (f64x2.sub (f64x2.sub (local.get $x) (f64x2.mul (local.get $kf) (local.get $hi)))
                                          (f64x2.mul (local.get $kf) (local.get $lo))))
                (local.set $ki (i32x4.trunc_sat_f64x2_s_zero (local.get $kf)))
                (local.set $k0 (i32x4.extract_lane 0 (local.get $ki)))
                (local.set $k1 (i32x4.extract_lane 1 (local.get $ki)))
                (local.set $t (f64x2.mul
                  (f64x2.replace_lane 1
                    (f64x2.splat (f64.load (i32.shl (i32.and (local.get $k0) (i32.const 63)) (i32.const 3))))
                    (f64.load (i32.shl (i32.and (local.get $k1) (i32.const 63)) (i32.const 3))))
                  (f64x2.replace_lane 1
                    (f64x2.splat (f64.load (i32.add (i32.const 512) (i32.shl (i32.add (i32.shr_s (local.get $k0) (i32.const 6)) (i32.const 1024)) (i32.const 3)))))
                    (f64.load (i32.add (i32.const 512) (i32.shl (i32.add (i32.shr_s (local.get $k1) (i32.const 6)) (i32.const 1024)) (i32.const 3)))))))
                (local.set $p
                  (f64x2.add (local.get $one)
                    (f64x2.mul (local.get $rr)
                      (f64x2.add (local.get $one)
                        (f64x2.mul (local.get $rr)
                          (f64x2.add (local.get $half)
                            (f64x2.mul (local.get $rr)
                              (f64x2.add (local.get $c6)
                                (f64x2.mul (local.get $rr)
                                  (f64x2.add (local.get $c24) (f64x2.mul (local.get $rr) (local.get $c120))))))))))))
                (local.set $zz (f64x2.add (local.get $zz) (f64x2.mul (local.get $t) (local.get $p)))))
              (else
                (local.set $zz (f64x2.add (local.get $zz)
                  (f64x2.replace_lane 1 (f64x2.splat (call $expScalar (local.get $x0))) (call $expScalar (local.get $x1)))))))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (br $cl)))
        (v128.store (i32.add (local.get $z) (i32.shl (local.get $r) (i32.const 3))) (local.get $zz))
        (local.set $r (i32.add (local.get $r) (i32.const 2)))
        (br $pairs)))
    (if (i32.lt_u (local.get $r) (local.get $rows))
      (then
        (local.set $s (f64.const 0))
        (local.set $c (i32.const 0))
        (block $tDone
          (loop $tl
            (br_if $tDone (i32.ge_u (local.get $c) (local.get $C)))
            (local.set $s (f64.add (local.get $s)
              (call $expScalar (f64.promote_f32 (f32.load (i32.add (local.get $l)
                (i32.shl (i32.add (i32.mul (local.get $r) (local.get $C)) (local.get $c)) (i32.const 2))))))))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (br $tl)))
        (f64.store (i32.add (local.get $z) (i32.shl (local.get $r) (i32.const 3))) (local.get $s)))))
  (func (export "pairAct")
    (param $yc i32) (param $ye i32) (param $bp i32) (param $bm i32) (param $nOut i32) (param $B i32)
    (param $hp i32) (param $hm i32) (param $relu i32) (result f64)
    (local $n i32) (local $b i32) (local $end2 i32) (local $io i32) (local $oo i32)
    (local $vbp v128) (local $vbm v128) (local $vc v128) (local $ve v128) (local $vp v128) (local $vm v128)
    (local $vsum v128) (local $half v128)
    (local $fbp f64) (local $fbm f64) (local $fc f64) (local $fe f64) (local $fp f64) (local $fm f64) (local $sum f64)
    (local.set $end2 (i32.and (local.get $B) (i32.const -2)))
    (local.set $half (f64x2.splat (f64.const 0.5)))
    (block $nDone
      (loop $nLoop
        (br_if $nDone (i32.ge_u (local.get $n) (local.get $nOut)))
        (local.set $fbp (f64.promote_f32 (f32.load (i32.add (local.get $bp) (i32.shl (local.get $n) (i32.const 2))))))
        (local.set $fbm (f64.promote_f32 (f32.load (i32.add (local.get $bm) (i32.shl (local.get $n) (i32.const 2))))))
        (local.set $vbp (f64x2.splat (local.get $fbp)))
        (local.set $vbm (f64x2.splat (local.get $fbm)))
        (local.set $b (i32.const 0))
        (block $bDone
          (loop $bLoop
            (br_if $bDone (i32.ge_u (local.get $b) (local.get $end2)))
            ;; element index n·B + b: 4 bytes per float32 input, 8 per float64 output
            (local.set $io (i32.shl (i32.add (i32.mul (local.get $n) (local.get $B)) (local.get $b)) (i32.const 2)))
            (local.set $oo (i32.shl (local.get $io) (i32.const 1)))
            (local.set $vc (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $yc) (local.get $io)))))
            (local.set $ve (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $ye) (local.get $io)))))
            (local.set $vp (f64x2.add (f64x2.add (local.get $vc) (local.get $ve)) (local.get $vbp)))
            (local.set $vm (f64x2.add (f64x2.sub (local.get $vc) (local.get $ve)) (local.get $vbm)))
            (local.set $vsum (f64x2.add (local.get $vsum) (f64x2.sub (local.get $vp) (local.get $vm))))
            (if (local.get $relu)
              (then
                (local.set $vp (f64x2.mul (local.get $half) (f64x2.add (local.get $vp) (f64x2.abs (local.get $vp)))))
                (local.set $vm (f64x2.mul (local.get $half) (f64x2.add (local.get $vm) (f64x2.abs (local.get $vm)))))))
            (v128.store (i32.add (local.get $hp) (local.get $oo)) (local.get $vp))
            (v128.store (i32.add (local.get $hm) (local.get $oo)) (local.get $vm))
            (local.set $b (i32.add (local.get $b) (i32.const 2)))
            (br $bLoop)))
        (if (i32.lt_u (local.get $b) (local.get $B))
          (then
            (local.set $io (i32.shl (i32.add (i32.mul (local.get $n) (local.get $B)) (local.get $b)) (i32.const 2)))
            (local.set $oo (i32.shl (local.get $io) (i32.const 1)))
            (local.set $fc (f64.promote_f32 (f32.load (i32.add (local.get $yc) (local.get $io)))))
            (local.set $fe (f64.promote_f32 (f32.load (i32.add (local.get $ye) (local.get $io)))))
            (local.set $fp (f64.add (f64.add (local.get $fc) (local.get $fe)) (local.get $fbp)))
            (local.set $fm (f64.add (f64.sub (local.get $fc) (local.get $fe)) (local.get $fbm)))
            (local.set $sum (f64.add (local.get $sum) (f64.sub (local.get $fp) (local.get $fm))))
            (if (local.get $relu)
              (then
                (local.set $fp (f64.mul (f64.const 0.5) (f64.add (local.get $fp) (f64.abs (local.get $fp)))))
                (local.set $fm (f64.mul (f64.const 0.5) (f64.add (local.get $fm) (f64.abs (local.get $fm)))))))
            (f64.store (i32.add (local.get $hp) (local.get $oo)) (local.get $fp))
            (f64.store (i32.add (local.get $hm) (local.get $oo)) (local.get $fm))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $nLoop)))
    (f64.add (local.get $sum)
      (f64.add (f64x2.extract_lane 0 (local.get $vsum)) (f64x2.extract_lane 1 (local.get $vsum)))))
  (func (export "dense")
    (param $h i32) (param $out i32) (param $w i32) (param $bias i32)
    (param $nIn i32) (param $nOut i32) (param $B i32)
    (local $m i32) (local $g i32) (local $b i32) (local $end2 i32) (local $rowBytes i32)
    (local $o i32) (local $x i32) (local $wp i32)
    (local $w0 f64) (local $w1 f64) (local $w2 f64) (local $w3 f64)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128) (local $vb v128)
    (local.set $end2 (i32.and (local.get $B) (i32.const -2)))
    (local.set $rowBytes (i32.shl (local.get $B) (i32.const 3)))
    (local.set $m (i32.const 0))
    (block $mDone
      (loop $mLoop
        (br_if $mDone (i32.ge_u (local.get $m) (local.get $nOut)))
        (local.set $o (i32.add (local.get $out) (i32.mul (local.get $m) (local.get $rowBytes))))
        ;; out row = bias[m]
        (local.set $w0 (f64.promote_f32 (f32.load (i32.add (local.get $bias) (i32.shl (local.get $m) (i32.const 2))))))
        (local.set $vb (f64x2.splat (local.get $w0)))
        (local.set $b (i32.const 0))
        (block $fDone
          (loop $fill
            (br_if $fDone (i32.ge_u (local.get $b) (local.get $end2)))
            (v128.store (i32.add (local.get $o) (i32.shl (local.get $b) (i32.const 3))) (local.get $vb))
            (local.set $b (i32.add (local.get $b) (i32.const 2)))
            (br $fill)))
        (if (i32.lt_u (local.get $b) (local.get $B))
          (then (f64.store (i32.add (local.get $o) (i32.shl (local.get $b) (i32.const 3))) (local.get $w0))))
        ;; groups of four inputs
        (local.set $g (i32.const 0))
        (block $gDone
          (loop $gLoop
            (br_if $gDone (i32.gt_u (i32.add (local.get $g) (i32.const 4)) (local.get $nIn)))
            ;; W[g + i, m] at w + 4·((g + i)·nOut + m)
            (local.set $wp (i32.add (local.get $w)
              (i32.shl (i32.add (i32.mul (local.get $g) (local.get $nOut)) (local.get $m)) (i32.const 2))))
            (local.set $w0 (f64.promote_f32 (f32.load (local.get $wp))))
            (local.set $wp (i32.add (local.get $wp) (i32.shl (local.get $nOut) (i32.const 2))))
            (local.set $w1 (f64.promote_f32 (f32.load (local.get $wp))))
            (local.set $wp (i32.add (local.get $wp) (i32.shl (local.get $nOut) (i32.const 2))))
            (local.set $w2 (f64.promote_f32 (f32.load (local.get $wp))))
            (local.set $wp (i32.add (local.get $wp) (i32.shl (local.get $nOut) (i32.const 2))))
            (local.set $w3 (f64.promote_f32 (f32.load (local.get $wp))))
            (if (i32.or (i32.or (f64.ne (local.get $w0) (f64.const 0)) (f64.ne (local.get $w1) (f64.const 0)))
                        (i32.or (f64.ne (local.get $w2) (f64.const 0)) (f64.ne (local.get $w3) (f64.const 0))))
              (then
                (local.set $v0 (f64x2.splat (local.get $w0)))
                (local.set $v1 (f64x2.splat (local.get $w1)))
                (local.set $v2 (f64x2.splat (local.get $w2)))
                (local.set $v3 (f64x2.splat (local.get $w3)))
                (local.set $x (i32.add (local.get $h) (i32.mul (local.get $g) (local.get $rowBytes))))
                (local.set $b (i32.const 0))
                (block $bDone
                  (loop $bLoop
                    (br_if $bDone (i32.ge_u (local.get $b) (local.get $end2)))
                    (v128.store (i32.add (local.get $o) (i32.shl (local.get $b) (i32.const 3)))
                      (f64x2.add
                        (v128.load (i32.add (local.get $o) (i32.shl (local.get $b) (i32.const 3))))
                        (f64x2.add
                          (f64x2.add
                            (f64x2.add
                              (f64x2.mul (local.get $v0) (v128.load (i32.add (local.get $x) (i32.shl (local.get $b) (i32.const 3)))))
                              (f64x2.mul (local.get $v1) (v128.load (i32.add (i32.add (local.get $x) (local.get $rowBytes)) (i32.shl (local.get $b) (i32.const 3))))))
                            (f64x2.mul (local.get $v2) (v128.load (i32.add (i32.add (local.get $x) (i32.shl (local.get $rowBytes) (i32.const 1))) (i32.shl (local.get $b) (i32.const 3))))))
                          (f64x2.mul (local.get $v3) (v128.load (i32.add (i32.add (local.get $x) (i32.mul (local.get $rowBytes) (i32.const 3))) (i32.shl (local.get $b) (i32.const 3))))))))
                    (local.set $b (i32.add (local.get $b) (i32.const 2)))
                    (br $bLoop)))
                (if (i32.lt_u (local.get $b) (local.get $B))
                  (then
                    (f64.store (i32.add (local.get $o) (i32.shl (local.get $b) (i32.const 3)))
                      (f64.add
                        (f64.load (i32.add (local.get $o) (i32.shl (local.get $b) (i32.const 3))))
                        (f64.add
                          (f64.add
                            (f64.add
                              (f64.mul (local.get $w0) (f64.load (i32.add (local.get $x) (i32.shl (local.get $b) (i32.const 3)))))
                              (f64.mul (local.get $w1) (f64.load (i32.add (i32.add (local.get $x) (local.get $rowBytes)) (i32.shl (local.get $b) (i32.const 3))))))
                            (f64.mul (local.get $w2) (f64.load (i32.add (i32.add (local.get $x) (i32.shl (local.get $rowBytes) (i32.const 1))) (i32.shl (local.get $b) (i32.const 3))))))
                          (f64.mul (local.get $w3) (f64.load (i32.add (i32.add (local.get $x) (i32.mul (local.get $rowBytes) (i32.const 3))) (i32.shl (local.get $b) (i32.const 3))))))))))))
            (local.set $g (i32.add (local.get $g) (i32.const 4)))
            (br $gLoop)))
        ;; remaining single inputs
        (block $sDone
          (loop $sLoop
            (br_if $sDone (i32.ge_u (local.get $g) (local.get $nIn)))
            (local.set $w0 (f64.promote_f32 (f32.load (i32.add (local.get $w)
              (i32.shl (i32.add (i32.mul (local.get $g) (local.get $nOut)) (local.get $m)) (i32.const 2))))))
            (if (f64.ne (local.get $w0) (f64.const 0))
              (then
                (local.set $v0 (f64x2.splat (local.get $w0)))
                (local.set $x (i32.add (local.get $h) (i32.mul (local.get $g) (local.get $rowBytes))))
                (local.set $b (i32.const 0))
                (block $tDone
                  (loop $tLoop
                    (br_if $tDone (i32.ge_u (local.get $b) (local.get $end2)))
                    (v128.store (i32.add (local.get $o) (i32.shl (local.get $b) (i32.const 3)))
                      (f64x2.add
                        (v128.load (i32.add (local.get $o) (i32.shl (local.get $b) (i32.const 3))))
                        (f64x2.mul (local.get $v0) (v128.load (i32.add (local.get $x) (i32.shl (local.get $b) (i32.const 3)))))))
                    (local.set $b (i32.add (local.get $b) (i32.const 2)))
                    (br $tLoop)))
                (if (i32.lt_u (local.get $b) (local.get $B))
                  (then
                    (f64.store (i32.add (local.get $o) (i32.shl (local.get $b) (i32.const 3)))
                      (f64.add
                        (f64.load (i32.add (local.get $o) (i32.shl (local.get $b) (i32.const 3))))
                        (f64.mul (local.get $w0) (f64.load (i32.add (local.get $x) (i32.shl (local.get $b) (i32.const 3)))))))))))
            (local.set $g (i32.add (local.get $g) (i32.const 1)))
            (br $sLoop)))
        (local.set $m (i32.add (local.get $m) (i32.const 1)))
        (br $mLoop)))))
