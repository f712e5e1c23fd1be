import Testing
@testable import Training

@Suite struct SeededGeneratorTests {
    @Test func sameSeedAndPurposeGiveTheSameStream() {
        var a = SeededGenerator(seed: 7, purpose: .shuffle)
        var b = SeededGenerator(seed: 7, purpose: .shuffle)
        #expect((0..<100).map { _ in a.next() } == (0..<100).map { _ in b.next() })
    }

    @Test func purposesAndSeedsGiveDifferentStreams() {
        var a = SeededGenerator(seed: 7, purpose: .shuffle)
        var b = SeededGenerator(seed: 7, purpose: .initialisation)
        var c = SeededGenerator(seed: 8, purpose: .shuffle)
        let x = (0..<4).map { _ in a.next() }
        #expect(x != (0..<4).map { _ in b.next() })
        #expect(x != (0..<4).map { _ in c.next() })
    }

    @Test func purposeSaltsAreFNV1a() {
        // FNV-1a 64 of the empty string is the offset basis; of "a" it is 0xaf63dc4c8601ec8c (published test vector).
        // Our salts use the same function, so "shuffle" etc. are stable across toolchains.
        #expect(RandomPurpose.allCases.map(\.salt).count == Set(RandomPurpose.allCases.map(\.salt)).count)
        let fnvOfA = "a".utf8.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        #expect(fnvOfA == 0xaf63_dc4c_8601_ec8c)
    }

    @Test func unitDrawsAreInRangeWithTheRightMean() {
        var g = SeededGenerator(seed: 1, purpose: .initialisation)
        let draws = (0..<20_000).map { _ in g.nextUnit() }
        #expect(draws.allSatisfy { $0 >= 0 && $0 < 1 })
        // Mean of U[0,1) is 1/2, standard error 1/sqrt(12 * 20000) ~ 0.002: allow 5 standard errors.
        #expect(abs(draws.reduce(0, +) / 20_000 - 0.5) < 0.01)
    }

    @Test func permutationIsAPermutationAndIndicesAreUniform() {
        var g = SeededGenerator(seed: 2, purpose: .shuffle)
        let p = g.permutation(500)
        #expect(p.sorted() == Array(0..<500))
        #expect(p != Array(0..<500))
        var counts = [Int](repeating: 0, count: 3)
        for _ in 0..<30_000 { counts[g.nextIndex(below: 3)] += 1 }
        // Each count ~ Binomial(30000, 1/3): sd ~ 82; allow 5 sd.
        #expect(counts.allSatisfy { abs($0 - 10_000) < 410 })
    }
}
