-- Pure-VM benchmark: arithmetic, table reads and writes, closures, string building. No patterns.
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end

local function sieve(n)
    local composite, count = {}, 0
    for i = 2, n do
        if not composite[i] then
            count = count + 1
            for j = i * i, n, i do composite[j] = true end
        end
    end
    return count
end

local function objects(n)
    local total = 0
    for i = 1, n do
        local point = { x = i, y = i * 2, z = i % 7 }
        total = total + point.x * point.y - point.z
    end
    return total
end

local function strings(n)
    local parts = {}
    for i = 1, n do parts[#parts + 1] = tostring(i) end
    return #table.concat(parts, ",")
end

local checksum = fib(30) + sieve(2000000) + objects(2000000) + strings(300000)
print(checksum)
