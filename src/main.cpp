#include "cli/run.hpp"

int main(int argc, char** argv) { return ato::cli::run(argc, argv); }
