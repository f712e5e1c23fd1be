import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Downloads one dataset file into place without ever leaving a half-written or unverified file:
/// the bytes go to a temporary file beside the destination, its md5 is checked, and only then is
/// it renamed over the destination.
enum DataDownloader {
    /// Why a download failed, as one line.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Downloads `url` to `destination`, printing a progress line on stderr labelled `label`.
    /// - Throws: `Failure` (network error, HTTP status other than 200, local write error, wrong
    ///   md5), or the `DatasetError` of decompressing a corrupt download.
    static func download(
        _ url: URL, to destination: URL, expectedMD5: String, md5OfDecompressedContent: Bool, label: String,
        timeout: TimeInterval = 60
    ) throws {
        let folder = destination.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).partial")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot create \(folder.path): \((error as NSError).localizedDescription)")
        }
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary.path)
        else {
            throw Failure(description: "cannot write \(temporary.path)")
        }
        defer { try? FileManager.default.removeItem(at: temporary) }

        let receiver = Receiver(handle: handle, label: label)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        let session = URLSession(configuration: configuration, delegate: receiver, delegateQueue: nil)
        session.dataTask(with: url).resume()
        receiver.finished.wait()
        session.finishTasksAndInvalidate()
        try? handle.close()
        if let failure = receiver.failure { throw Failure(description: failure) }

        let actual = MD5.hex(md5OfDecompressedContent ? try FileContent.read(temporary) : try FileContent.readRaw(temporary))
        guard actual == expectedMD5 else {
            let what = md5OfDecompressedContent ? "md5 of the decompressed download" : "md5 of the download"
            throw Failure(description: "\(what) is \(actual), expected \(expectedMD5)")
        }
        // rename(2) replaces the destination atomically.
        guard rename(temporary.path, destination.path) == 0 else {
            throw Failure(description: "cannot move the download to \(destination.path): \(String(cString: strerror(errno)))")
        }
    }

    /// Receives the response body into the temporary file and reports progress. URLSession calls
    /// it on its own serial queue; `finished` orders those writes before the caller's reads.
    private final class Receiver: NSObject, URLSessionDataDelegate, @unchecked Sendable {
        let handle: FileHandle
        let label: String
        let finished = DispatchSemaphore(value: 0)
        var failure: String?
        private var received: Int64 = 0
        private var expected: Int64 = -1
        private var lastReport = Date.distantPast
        private var reported = false

        init(handle: FileHandle, label: String) {
            self.handle = handle
            self.label = label
        }

        func urlSession(
            _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
            completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
        ) {
            if let http = response as? HTTPURLResponse, http.statusCode != 200 {
                failure = "HTTP status \(http.statusCode), expected 200"
                completionHandler(.cancel)
                return
            }
            expected = response.expectedContentLength
            completionHandler(.allow)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            guard failure == nil else { return }
            do {
                try handle.write(contentsOf: data)
            } catch {
                failure = "cannot write the download: \((error as NSError).localizedDescription)"
                dataTask.cancel()
                return
            }
            received += Int64(data.count)
            let now = Date()
            if now.timeIntervalSince(lastReport) >= 0.5 {
                lastReport = now
                report(final: false)
            }
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
            if failure == nil, let error { failure = (error as NSError).localizedDescription }
            if reported || failure == nil { report(final: true) }
            finished.signal()
        }

        private func report(final: Bool) {
            reported = true
            let megabytes = { (bytes: Int64) in String(format: "%.1f", Double(bytes) / 1e6) }
            var line = "\rdownloading \(label): \(megabytes(received))"
            if expected > 0 { line += " / \(megabytes(expected)) MB (\(received * 100 / expected)%)" } else { line += " MB" }
            if final { line += failure == nil ? " done\n" : " failed\n" }
            FileHandle.standardError.write(Data(line.utf8))
        }
    }
}
