import Testing

@testable import KraftsamlingCore

@Suite("SHA256")
struct SHA256Tests {
  @Test("FIPS 180-4 test vectors: empty, abc, the two-block message")
  func standardVectors() {
    #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    let twoBlocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
    #expect(SHA256.hex(Array(twoBlocks.utf8)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  @Test("padding boundaries at 55, 56 and 64 bytes (values from Python's hashlib)")
  func paddingBoundaries() {
    let x = UInt8(ascii: "x")
    #expect(SHA256.hex([UInt8](repeating: x, count: 55)) == "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072")
    #expect(SHA256.hex([UInt8](repeating: x, count: 56)) == "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e")
    #expect(SHA256.hex([UInt8](repeating: x, count: 64)) == "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c")
  }

  @Test("every byte value, three times over (768 bytes)")
  func allByteValues() {
    let bytes = (0..<768).map { UInt8(truncatingIfNeeded: $0) }
    #expect(SHA256.hex(bytes) == "f3a25aa93aa2fbba28d79260535bbd6a5eb0fc1c24a8b0f04e12b484c1dfe363")
    #expect(SHA256.digest(bytes).count == 32)
  }
}
