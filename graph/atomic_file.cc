#include "graph/atomic_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace crimekg {

std::string write_file_atomically(const std::string& path,
                                  const std::function<void(std::ostream&)>& write) {
  if (path == "-") {
    write(std::cout);
    std::cout.flush();
    return std::cout ? "" : "-: cannot write to standard output";
  }
  namespace fs = std::filesystem;
  const fs::path target(path);
  std::error_code ec;
  if (target.has_parent_path()) {
    fs::create_directories(target.parent_path(), ec);
    if (ec)
      return path + ": cannot create folder " + target.parent_path().string() + ": " + ec.message();
  }
  const std::string temp = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return path + ": cannot open for writing: " + std::strerror(errno);
    write(out);
    out.flush();
    if (!out) {
      out.close();
      fs::remove(temp, ec);
      return path + ": write failed: " + std::strerror(errno);
    }
  }
  fs::rename(temp, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    return path + ": cannot rename temporary file into place: " + ec.message();
  }
  return "";
}

bool read_whole_file(const std::string& path, std::string& contents, std::string& error) {
  contents.clear();
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = path + ": is a folder, not a file";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot open: " + std::strerror(errno);
    return false;
  }
  // One read into a buffer of the file's size: a node-link graph of a large
  // corpus is a gigabyte, and growing a stream buffer copies it repeatedly.
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec) {
    contents.reserve(size + 1);  // room for the terminator an in-situ parser adds
    contents.resize(size);
    in.read(contents.data(), static_cast<std::streamsize>(size));
    contents.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad()) {
      error = path + ": read failed";
      return false;
    }
    if (in.gcount() == static_cast<std::streamsize>(size)) {
      in.clear();
      if (in.peek() == std::char_traits<char>::eof()) return true;
    }
    in.clear();
    in.seekg(static_cast<std::streamoff>(contents.size()));
  }
  // A pipe, or a file that changed size while read: read what is there.
  std::ostringstream rest;
  rest << in.rdbuf();
  if (in.bad()) {
    error = path + ": read failed";
    return false;
  }
  contents += std::move(rest).str();
  return true;
}

}  // namespace crimekg
