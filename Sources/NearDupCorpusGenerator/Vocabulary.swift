/// The generator's built-in word lists. Words are drawn by rank with Zipf-like frequencies, so
/// the list is ordered roughly by how often news prose uses each word: function words first.
enum Vocabulary {
    /// Common English words of news prose, most frequent first.
    static let words: [String] = """
        the of to and a in that is for on it was with he as said at by from his be have
        has are but not this an they had were who their will been would its or which more
        after she one also new about two up than her out we when year there all last other
        people first over into government could can some years three time what no him them
        if only most told just like before while because million percent week police state
        president since between under during city country officials back where such those
        through against made many then now being still four any these both did do may should
        how our even report company day including group public second national minister
        officials called five much market another well according world department local
        around news family home part court says months former each including support early
        party since house next plan take years while work high help law both way month
        health school money business service children show billion system number come
        percent water think long team members million set second major power end case
        security political policy council community good economic military days program
        best took make little support called former added expected left found among less
        later three put made say without data statement area whether told economy half
        week until today across left own against county workers held led process federal
        election vote voters campaign president leader leaders officials agency report
        reported investigation attack forces troops war peace talks deal agreement trade
        prices inflation rates bank banks interest growth energy oil gas climate change
        emissions weather storm flooding fire hospital patients doctors care virus health
        students teachers schools university research scientists study data results
        technology companies software internet users online phone service network digital
        court judge trial case charges lawyer lawyers jury ruling appeal justice prison
        police officers arrested suspect shooting crime victims killed injured dead died
        building road bridge project construction housing homes residents neighborhood
        city council mayor budget taxes tax spending funding million billion dollars cost
        costs jobs unemployment workers union strike wages pay industry factory production
        sales quarter profit revenue shares stock investors market markets analysts
        airline flights airport travel tourism hotel season games game team coach players
        player match league championship win won lost score points fans stadium final
        film music festival book author artist museum show series television audience
        announced approved rejected proposed signed passed launched opened closed
        increased decreased rose fell dropped jumped declined remained continued began
        ended started planned expected warned urged called asked answered denied
        confirmed claimed argued noted explained described suggested believed estimated
        according following including despite within without among along toward upon
        across behind beyond around throughout against above below near outside inside
        recent current previous annual daily weekly national international regional
        federal local foreign domestic public private official major minor significant
        important serious strong weak large small big little high low long short early
        late new old young full empty open free available possible likely certain clear
        difficult easy hard simple main key top senior chief general special critical
        central northern southern eastern western coastal rural urban global european
        american african asian chinese russian british french german spokesman spokeswoman
        director manager chairman executive officer secretary governor senator lawmakers
        congress parliament committee commission board panel council authority ministry
        administration office agency organization institute foundation association
        residents citizens families parents women men children people groups communities
        decision decisions question questions issue issues problem problems concerns
        risk risks effort efforts plans measures steps rules regulations laws policies
        meeting meetings conference summit visit trip tour event events ceremony
        morning afternoon evening night weekend monday tuesday wednesday thursday friday
        saturday sunday january february march april may june july august september
        october november december spring summer autumn winter hours minutes moment period
        history future past present start end beginning middle side center region area
        areas places land sea river lake mountain valley island coast border streets
        street town towns village villages state states province country countries
        nation nations capital district districts county counties north south east west
        money price cost value amount level rate share total average number figures
        record records list lists account accounts information details evidence facts
        statement statements comments remarks interview letter email message speech
        report reports survey poll polls analysis review study studies findings paper
        system systems network networks program programs project projects service
        services product products equipment vehicles cars trucks trains ships aircraft
        weapons missiles drones supplies food fuel medicine vaccines aid assistance
        protest protests demonstrators crowd crowds rally march strike strikes riot
        violence conflict fighting battle offensive ceasefire truce negotiations
        sanctions tariffs exports imports goods supply demand shortage shortages surplus
        debt deficit loans credit mortgage housing rent property real estate land
        farmers farms crops harvest drought rain snow heat temperatures wind floods
        wildfire wildfires earthquake hurricane tornado damage damaged destroyed rebuild
        recovery emergency crews rescue rescuers evacuated evacuation shelter shelters
        safety risk warning warnings alert officials urged residents avoid travel roads
        closed reopened delayed cancelled postponed resumed suspended halted blocked
        allowed required banned limited restricted expanded extended reduced raised cut
        cuts increase increases decrease rise fall drop gain gains loss losses growth
        improve improved improvement progress success failure mistake problem solution
        answer response reaction impact effect effects result results outcome role
        position place seat office power control influence pressure support opposition
        criticism praise concern fears hopes doubts questions demands calls appeals
        challenge challenges opportunity opportunities chance choice option options
        strategy approach method way means tool tools resources funds budget budgets
        staff employees workers volunteers experts advisers critics supporters opponents
        rivals allies partners neighbors friends colleagues members member leader
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    /// Words a document favours: each document picks a handful, which makes unrelated
    /// documents differ in topic as well as in word order.
    static let topics: [String] = """
        reservoir pipeline refinery turbine battery batteries solar hydrogen grid outage
        vaccine clinic surgeon nurses ambulance pharmacy dementia cancer diabetes therapy
        tuition campus graduates curriculum scholarship classroom enrollment dropout
        senate ballot referendum coalition amendment veto filibuster caucus incumbent
        verdict testimony prosecutor defendant plaintiff settlement indictment custody
        stadium quarterback striker goalkeeper tournament playoff semifinal medal relay
        orchestra gallery novelist premiere documentary exhibition sculpture manuscript
        satellite rocket telescope orbit astronaut laboratory genome fossil glacier
        merger acquisition dividend startup valuation bankruptcy layoffs subsidiary
        harbor freight container shipping rail locomotive tunnel highway motorway toll
        drought irrigation wheat cattle orchard vineyard fishery fertilizer pesticide
        embassy diplomat treaty refugee asylum migrants border patrol consulate envoy
        cyberattack ransomware encryption algorithm semiconductor chipmaker smartphone
        landlord tenants eviction mortgage zoning developers apartments condominium
        pension retirees benefits welfare insurance premiums deductible subsidy subsidies
        wildlife habitat species conservation reef forest logging poaching sanctuary
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    /// Syllables for made-up proper names (people and places), so names vary widely.
    static let nameSyllables: [String] = """
        al an ar ba bel ben bor ca car cor da del dor el en er fa fer gal gar ha hal
        har i in is ja jo ka kar kel la lan lor ma mar mel mor na nel nor o or pa per
        ra ran ros sa sal sen ta tal ter u ul va vel vor wa wil ya yor za zel
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    /// Site-wide text that publishers add to their stories: the boilerplate of planted
    /// duplicates.
    static let boilerplate: [String] = [
        "Subscribe to our newsletter for the latest news delivered to your inbox every morning",
        "This story has been updated with additional reporting and comments from officials",
        "Follow us on social media for breaking news and live updates throughout the day",
        "Copyright all rights reserved and this material may not be published broadcast or redistributed",
        "Sign up for our daily briefing to get the stories that matter most in your region",
        "Reporting by our staff correspondents and editing by the regional news desk",
        "Our journalism depends on readers like you so please consider supporting local news today",
        "Click here to read more stories about politics business and the economy from our team",
        "The views expressed in this article are those of the author and not of the publisher",
        "Have a news tip for our reporters send it to the newsroom and we will follow up",
        "Advertisement continue reading the main story below this message from our sponsors",
        "Related coverage can be found in our special section on the issues shaping the region",
        "Download our free app to get alerts on your phone whenever a major story breaks",
        "Comments on this article have been closed in line with our community guidelines",
        "Photos courtesy of local residents and agencies used with permission of the owners",
        "For more information on this and other stories visit our website at any time",
    ]

    /// Words of the same class, interchangeable in a rewrite: near-synonyms (*rose* →
    /// *climbed*), then function words of one part of speech (*in* → *at*, *will* → *could*).
    /// The replacements of ``RewriteKind/reworded``. A word belongs to its first class only.
    static let wordClasses: [[String]] = """
        said told added stated noted explained
        says adds notes states
        announced confirmed revealed disclosed
        rose increased climbed jumped gained grew
        fell dropped declined decreased slipped
        city town
        officials authorities
        people residents citizens
        government administration
        company firm
        companies firms
        country nation
        countries nations
        big large major
        small little minor
        important significant key critical
        began started launched
        ended finished concluded
        help support assistance aid
        plan proposal strategy
        plans proposals strategies
        cut reduced lowered
        raised boosted lifted
        expected predicted forecast
        warned cautioned
        urged called asked
        denied rejected dismissed
        police officers
        killed dead
        injured hurt wounded
        talks negotiations discussions
        deal agreement accord
        prices costs
        jobs positions posts
        workers employees staff
        leader chief head
        report study survey
        problem issue concern
        problems issues concerns
        meeting conference summit
        children kids
        homes houses
        cars vehicles
        road street
        roads streets
        money funds funding
        laws rules regulations
        recent latest
        previous former earlier
        clear obvious
        difficult hard tough
        foreign overseas
        fears worries doubts
        effort attempt bid
        efforts attempts bids
        building structure
        decision ruling
        show display
        results findings outcome
        risk danger threat
        damage harm
        remained stayed
        continued persisted
        quickly rapidly swiftly
        the a its their his her our
        in on at from by for with into over under during after before since
        and but while because although
        is was are were be been has had have
        he she they we it who which
        will would could can may should might
        also still even just only now then
        more less most
        one two three four five
        """.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }.filter { !$0.isEmpty }
}
